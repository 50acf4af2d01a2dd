import Glibc

/// Whole-file reads, writes and copies, each a loop of `read`/`write` calls retried on EINTR,
/// with typed errors naming the call.
public enum Files {
    /// The bytes of the file at `path`, or nil when it does not exist. Throws past `limit` bytes
    /// (as `EFBIG`) and for any other failure.
    public static func read(_ path: String, limit: Int = 1 << 20) throws(SystemError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw SystemError(call: "open \(path)", errno: errno)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try syscallValue("read") { Glibc.read(descriptor, &chunk, chunk.count) }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[..<count])
            guard bytes.count <= limit else { throw SystemError(call: "read \(path)", errno: EFBIG) }
        }
    }

    /// Writes `bytes` to a new file at `path` with `mode` and fsyncs it unless `synchronize` is
    /// false (a scratch file); fails (EEXIST) when the file exists and `exclusive` is set.
    public static func write(
        _ bytes: [UInt8], to path: String, mode: mode_t = 0o600, exclusive: Bool = false, synchronize: Bool = true
    ) throws(SystemError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | (exclusive ? O_EXCL : O_TRUNC)
        let descriptor = open(path, flags, mode)
        guard descriptor >= 0 else { throw SystemError(call: "open \(path)", errno: errno) }
        defer { close(descriptor) }
        try writeAll(bytes[...], to: descriptor)
        if synchronize { _ = try syscallValue("fsync") { fsync(descriptor) } }
    }

    /// Copies the file at `source` to `destination` (created or truncated, with `mode`).
    public static func copy(from source: String, to destination: String, mode: mode_t = 0o700) throws(SystemError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SystemError(call: "open \(source)", errno: errno) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard output >= 0 else { throw SystemError(call: "open \(destination)", errno: errno) }
        defer { close(output) }
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = try syscallValue("read") { Glibc.read(input, &chunk, chunk.count) }
            if count == 0 { return }
            try writeAll(chunk[..<count], to: output)
        }
    }

    private static func writeAll(_ bytes: ArraySlice<UInt8>, to descriptor: CInt) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            let outcome = bytes.withUnsafeBytes { raw in
                Result { () throws(SystemError) in
                    try syscallValue("write") { Glibc.write(descriptor, raw.baseAddress! + done, raw.count - done) }
                }
            }
            done += try outcome.get()
        }
    }

    /// Creates the folder at `path` and its missing parents (`mkdir -p`); folders that exist
    /// are fine.
    public static func createDirectories(_ path: String, mode: mode_t = 0o700) throws(SystemError) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, mode) != 0 && errno != EEXIST { throw SystemError(call: "mkdir \(prefix)", errno: errno) }
        }
    }

    /// The permission bits and file type of `path` (`st_mode`), following symbolic links.
    public static func mode(_ path: String) throws(SystemError) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else { throw SystemError(call: "stat \(path)", errno: errno) }
        return status.st_mode
    }

    /// Throws the reason (ENOENT, EACCES, ...) unless this process can read the file at `path`.
    public static func checkReadable(_ path: String) throws(SystemError) {
        guard access(path, R_OK) == 0 else { throw SystemError(call: "access \(path)", errno: errno) }
    }

    /// Throws the reason unless `path` is a folder this process can create files in (ENOENT
    /// when nothing is there, ENOTDIR for something that is not a folder).
    public static func checkWritableDirectory(_ path: String) throws(SystemError) {
        switch try kind(of: path) {
        case .directory: break
        case nil: throw SystemError(call: "stat \(path)", errno: ENOENT)
        case .file, .other: throw SystemError(call: "stat \(path)", errno: ENOTDIR)
        }
        guard access(path, W_OK | X_OK) == 0 else { throw SystemError(call: "access \(path)", errno: errno) }
    }

    /// What is at a path: a regular file, a folder, or something else (a link is followed).
    public enum Kind: Sendable, Equatable {
        case file, directory, other
    }

    /// What is at `path`, or nil when nothing is.
    public static func kind(of path: String) throws(SystemError) -> Kind? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ENOENT { return nil }
            throw SystemError(call: "stat \(path)", errno: errno)
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// The names in the folder at `path` (no "." or ".."), in the order the system gives them.
    public static func names(inDirectory path: String) throws(SystemError) -> [String] {
        guard let directory = opendir(path) else { throw SystemError(call: "opendir \(path)", errno: errno) }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes the empty folder at `path`.
    public static func removeDirectory(_ path: String) throws(SystemError) {
        guard rmdir(path) == 0 else { throw SystemError(call: "rmdir \(path)", errno: errno) }
    }

    /// Removes the name `path` (the file lives on while something holds it open or mapped).
    public static func remove(_ path: String) throws(SystemError) {
        guard unlink(path) == 0 else { throw SystemError(call: "unlink \(path)", errno: errno) }
    }
}
