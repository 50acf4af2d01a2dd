import AuraCrypto
import AuraPosix

/// File steps of backup and restore that must survive a crash, and the digest of a file.
package enum Durable {
    /// Writes `bytes` to `path` atomically: a temporary file, synced, renamed over `path`,
    /// then the folder synced.
    package static func replace(_ path: String, with bytes: [UInt8]) throws(SystemError) {
        try Files.write(bytes, to: path + ".tmp")
        try Files.rename(path + ".tmp", to: path)
        try Files.synchronizeDirectory(folder(of: path))
    }

    /// Syncs `root` and every folder the relative `paths` lie in, so the files created there
    /// keep their names after a crash.
    package static func synchronizeFolders(of paths: [String], in root: String) throws(SystemError) {
        for folder in Set(paths.flatMap(BackupPath.parents)).sorted().reversed() { try Files.synchronizeDirectory("\(root)/\(folder)") }
        try Files.synchronizeDirectory(root)
    }

    /// The size and SHA-256 (lowercase hex) of the file at `path`; syncs it first when `sync`.
    package static func digest(of path: String, sync: Bool = false) throws(SystemError) -> (size: Int, sha256: String) {
        let file = try RandomAccessFile.open(path, readOnly: true)
        if sync { try file.synchronize() }
        var hasher = SHA256Hasher()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var size = 0
        while true {
            let count = try buffer.withUnsafeMutableBytes { raw in Result { () throws(SystemError) in try file.read(into: raw, at: size) } }.get()
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
            size += count
        }
        return (size, hasher.finalize().description)
    }

    /// The folder `path` is in ("." for a bare name).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}
