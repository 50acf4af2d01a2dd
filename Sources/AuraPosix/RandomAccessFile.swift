import Glibc

/// An open regular file read and written at explicit offsets (`pread`/`pwritev`), made durable
/// with `fdatasync`: the calls a write-ahead log needs, each retried on EINTR and short
/// transfers, with typed errors naming the call and the file.
///
/// The descriptor closes when the last reference goes away, so a reader on another thread that
/// holds the file keeps it usable while its owner drops it.
public final class RandomAccessFile: Sendable {
    /// The file descriptor.
    public let descriptor: CInt
    /// The path the file was opened with, for error messages.
    public let path: String

    private init(descriptor: CInt, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    deinit { _ = Glibc.close(descriptor) }

    /// Opens the file at `path` for reading and writing, creating it (mode 0600) when `create`
    /// is set; `exclusive` fails with EEXIST when it exists, `truncate` empties it.
    public static func open(
        _ path: String, create: Bool = false, exclusive: Bool = false, truncate: Bool = false, readOnly: Bool = false
    ) throws(SystemError) -> RandomAccessFile {
        var flags = (readOnly ? O_RDONLY : O_RDWR) | O_CLOEXEC
        if create { flags |= O_CREAT }
        if exclusive { flags |= O_EXCL }
        if truncate { flags |= O_TRUNC }
        let descriptor = Glibc.open(path, flags, 0o600)
        guard descriptor >= 0 else { throw SystemError(call: "open \(path)", errno: errno) }
        return RandomAccessFile(descriptor: descriptor, path: path)
    }

    /// The file's size in bytes (`fstat`).
    public func size() throws(SystemError) -> Int {
        var status = stat()
        _ = try syscallValue("fstat") { fstat(descriptor, &status) }
        return Int(status.st_size)
    }

    /// Reads up to `buffer.count` bytes at `offset`; fewer only at the end of the file.
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(SystemError) -> Int {
        var done = 0
        while done < buffer.count {
            let count = try syscallValue("pread") {
                pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
            }
            if count == 0 { break }
            done += count
        }
        return done
    }

    /// Writes all of `bytes` at `offset`.
    public func write(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(SystemError) {
        var done = 0
        while done < bytes.count {
            done += try syscallValue("pwrite") {
                pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
        }
    }

    /// Writes all of `bytes` at `offset`.
    public func write(_ bytes: [UInt8], at offset: Int) throws(SystemError) {
        try bytes.withUnsafeBytes { raw in Result { () throws(SystemError) in try write(raw, at: offset) } }.get()
    }

    /// The (up to) `count` bytes at `offset`: fewer at the end of the file.
    public func read(count: Int, at offset: Int) throws(SystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let done = try bytes.withUnsafeMutableBytes { raw in Result { () throws(SystemError) in try read(into: raw, at: offset) } }.get()
        bytes.removeLast(count - done)
        return bytes
    }

    /// Writes the bytes of `vectors`, in order, starting at `offset`: `pwritev` calls of at most
    /// 1024 vectors, continued after short writes. `vectors` is used as scratch (advanced in place).
    public func write(_ vectors: UnsafeMutableBufferPointer<iovec>, at offset: Int) throws(SystemError) {
        var position = offset
        var first = 0
        while first < vectors.count {
            let count = min(vectors.count - first, 1024)
            var written = try syscallValue("pwritev") {
                pwritev(descriptor, vectors.baseAddress! + first, CInt(count), off_t(position))
            }
            position += written
            while first < vectors.count && written >= vectors[first].iov_len {
                written -= vectors[first].iov_len
                first += 1
            }
            if written > 0 {  // a short write inside one vector: continue from where it stopped
                vectors[first].iov_base += written
                vectors[first].iov_len -= written
            }
        }
    }

    /// Flushes the file's data, and the metadata needed to read it back, to the device.
    public func synchronizeData() throws(SystemError) {
        _ = try syscallValue("fdatasync") { fdatasync(descriptor) }
    }

    /// Flushes the file's data and all of its metadata to the device (`fsync`).
    public func synchronize() throws(SystemError) {
        _ = try syscallValue("fsync") { fsync(descriptor) }
    }

    /// Sets the file's size to `size`: drops what lies beyond, or extends with zeros.
    public func truncate(to size: Int) throws(SystemError) {
        _ = try syscallValue("ftruncate") { ftruncate(descriptor, off_t(size)) }
    }

    /// Reserves disk blocks so the file is at least `size` bytes long, reading as zeros
    /// (`posix_fallocate`); fails with ENOSPC when the disk cannot hold them and EOPNOTSUPP
    /// (or EINVAL) where the file system cannot preallocate.
    public func preallocate(size: Int) throws(SystemError) {
        var code: CInt
        repeat { code = posix_fallocate(descriptor, 0, off_t(size)) } while code == EINTR
        if code != 0 { throw SystemError(call: "fallocate \(path)", errno: code) }
    }
}

extension Files {
    /// Renames `source` to `destination`, replacing it atomically if it exists.
    public static func rename(_ source: String, to destination: String) throws(SystemError) {
        guard Glibc.rename(source, destination) == 0 else {
            throw SystemError(call: "rename \(source) \(destination)", errno: errno)
        }
    }

    /// Makes the folder's entries (files created, renamed or removed in it) durable: `fsync` of
    /// the folder itself.
    public static func synchronizeDirectory(_ path: String) throws(SystemError) {
        let descriptor = Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SystemError(call: "open \(path)", errno: errno) }
        defer { _ = Glibc.close(descriptor) }
        _ = try syscallValue("fsync") { fsync(descriptor) }
    }
}

extension RandomAccessFile {
    /// Asks the kernel to drop the file's cached pages (`posix_fadvise(DONTNEED)`; pages not yet
    /// written back stay), so the next read comes from the disk: for cold-cache measurements.
    public func dropCachedPages() {
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
    }
}
