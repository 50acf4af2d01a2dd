import Glibc

/// A file that lines are appended to (a log), or standard error: opened once, written whole
/// with `write` retried on EINTR and short writes.
///
/// Writes block the calling thread, so only a dedicated writer thread should make them.
public struct AppendFile: Sendable {
    /// The file descriptor.
    public let descriptor: CInt
    private let isOwned: Bool

    /// The process's standard error (never closed by `close()`).
    public static let standardError = AppendFile(descriptor: STDERR_FILENO, isOwned: false)

    private init(descriptor: CInt, isOwned: Bool) {
        self.descriptor = descriptor
        self.isOwned = isOwned
    }

    /// Opens (creating with mode 0644 if needed) the file at `path` for appending.
    public static func open(_ path: String) throws(SystemError) -> AppendFile {
        let descriptor = try syscallValue("open") { Glibc.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644) }
        return AppendFile(descriptor: descriptor, isOwned: true)
    }

    /// Writes all of `bytes`.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            done += try syscallValue("write") { Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done) }
        }
    }

    /// Closes the file, unless it is standard error.
    public func close() {
        if isOwned { _ = Glibc.close(descriptor) }
    }
}
