import AuraBytes
import Glibc

/// A file read front to back in chunks (or standard input, for the path "-"). Opened on the
/// first read, closed at the end or when released; errors name the call and the path.
public final class ReadableFile: @unchecked Sendable {  // read by one task at a time
    private let path: String
    private let offset: UInt64
    private var descriptor: Int32 = -1
    private var finished = false

    /// A reader of `path` (or standard input for "-") from byte `offset`.
    public init(path: String, offset: UInt64 = 0) {
        self.path = path
        self.offset = offset
    }

    deinit { if descriptor > 2 { close(descriptor) } }

    /// The file's size, or nil for standard input and other streams.
    public static func size(of path: String) throws(SystemError) -> UInt64? {
        guard path != "-" else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { throw SystemError(call: "stat \(path)", errno: errno) }
        return (info.st_mode & S_IFMT) == S_IFREG ? UInt64(info.st_size) : nil
    }

    /// Up to `count` bytes, or nil at the end of the file.
    public func read(upTo count: Int) throws(SystemError) -> ByteBuffer? {
        guard !finished else { return nil }
        if descriptor < 0 { try open() }
        var buffer = ByteBuffer(capacity: count)
        var total = 0
        while total < count {
            let wanted = count - total, descriptor = descriptor
            var result = 0
            _ = buffer.writeWithUnsafeMutableBytes(minimumWritable: wanted) { space in
                result = Glibc.read(descriptor, space.baseAddress, wanted)
                return max(0, result)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw SystemError(call: "read \(path)", errno: errno)
            }
            if result == 0 { break }
            total += result
        }
        if total < count { finish() }
        return total == 0 ? nil : buffer
    }

    private func open() throws(SystemError) {
        if path == "-" {
            descriptor = STDIN_FILENO
            var skip = offset
            var scratch = [UInt8](repeating: 0, count: 64 << 10)
            while skip > 0 {
                let got = try syscallValue("read") { Glibc.read(STDIN_FILENO, &scratch, Int(min(skip, UInt64(scratch.count)))) }
                guard got > 0 else { break }
                skip -= UInt64(got)
            }
            return
        }
        descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError(call: "open \(path)", errno: errno) }
        guard offset == 0 || lseek(descriptor, off_t(offset), SEEK_SET) >= 0 else {
            throw SystemError(call: "lseek \(path)", errno: errno)
        }
    }

    private func finish() {
        finished = true
        if descriptor > 2 { close(descriptor) }
        descriptor = -1
    }
}
