import AuraCrypto
import AuraMessages
import AuraPosix

/// Writes a backup stream (`aura.Admin/Backup`) into a folder: each file as its chunks come,
/// hashed on the way, then checked against the manifest the stream ends with, and only then
/// the `MANIFEST` file, written last: a folder without one is an unfinished backup, which
/// restore refuses.
///
/// A stream that does not follow the rules (a path leaving the folder, a file sent twice, a
/// gap in a file, a file the manifest does not list, or one whose size or digest differs) fails
/// with a `BackupError`.
public final class BackupReceiver {
    /// The folder written to.
    public let directory: String
    private var current: (path: String, file: RandomAccessFile, hasher: SHA256Hasher, size: Int)?
    private var received: [String: (size: Int, sha256: String)] = [:]
    private var manifest: ManifestFile?

    /// Prepares `directory`, which must be absent or empty.
    public init(directory: String) throws(BackupError) {
        self.directory = directory
        try BackupError.during("create \(directory)") { () throws(SystemError) in try Files.createDirectories(directory) }
        let names = try BackupError.during("list \(directory)") { () throws(SystemError) in try Files.names(inDirectory: directory) }
        guard names.isEmpty else { throw BackupError("\(directory) is not empty: a backup goes into an empty or new folder") }
    }

    /// Takes the next message of the stream.
    public func receive(_ chunk: BackupChunk) throws(BackupError) {
        guard manifest == nil else { throw BackupError("the server sent data after the manifest") }
        if chunk.hasManifest {
            try finishFile()
            manifest = try ManifestFile(chunk.manifest)
            return
        }
        if chunk.path != current?.path { try startFile(chunk.path, offset: chunk.offset) }
        guard var file = current else { return }
        guard chunk.offset == UInt64(file.size) else {
            throw BackupError("\(chunk.path): a chunk at offset \(chunk.offset), expected \(file.size)")
        }
        let written = chunk.data.withUnsafeReadableBytes { bytes in
            Result { () throws(SystemError) in try file.file.write(bytes, at: file.size) }.map { file.hasher.update(bytes) }
        }
        try BackupError.during("write \(file.file.path)") { () throws(SystemError) in try written.get() }
        file.size += chunk.data.readableBytes
        current = file
    }

    /// Checks what was received against the manifest and writes `MANIFEST`; returns it.
    public func finish() throws(BackupError) -> ManifestFile {
        guard let manifest else { throw BackupError("the stream ended without a manifest: the backup is incomplete") }
        for entry in manifest.entries {
            guard let got = received.removeValue(forKey: entry.path) else { throw BackupError("\(entry.path) is in the manifest but was not sent") }
            guard got.size == entry.size, got.sha256 == entry.sha256 else {
                throw BackupError("\(entry.path): received \(got.size) bytes with SHA-256 \(got.sha256), the manifest says \(entry.size) bytes, \(entry.sha256)")
            }
        }
        if let extra = received.keys.sorted().first { throw BackupError("\(extra) was sent but is not in the manifest") }
        try BackupError.during("write \(directory)/\(ManifestFile.name)") { () throws(SystemError) in
            try Durable.synchronizeFolders(of: manifest.entries.map(\.path), in: directory)
            try Durable.replace("\(directory)/\(ManifestFile.name)", with: Array(manifest.text.utf8))
        }
        return manifest
    }

    private func startFile(_ path: String, offset: UInt64) throws(BackupError) {
        try finishFile()
        guard BackupPath.isSafe(path) else { throw BackupError("the server sent an unsafe path \"\(path)\"") }
        guard received[path] == nil else { throw BackupError("the server sent \(path) twice") }
        guard offset == 0 else { throw BackupError("\(path) starts at offset \(offset), not 0") }
        let full = "\(directory)/\(path)"
        let file = try BackupError.during("create \(full)") { () throws(SystemError) in
            for parent in BackupPath.parents(of: path) { try Files.createDirectories("\(directory)/\(parent)") }
            return try RandomAccessFile.open(full, create: true, exclusive: true)
        }
        current = (path, file, SHA256Hasher(), 0)
    }

    private func finishFile() throws(BackupError) {
        guard var file = current else { return }
        try BackupError.during("sync \(file.file.path)") { () throws(SystemError) in try file.file.synchronize() }
        received[file.path] = (file.size, file.hasher.finalize().description)
        current = nil
    }
}
