import Glibc

extension Socket {
    /// Reads up to `buffer.count` bytes: `.processed(0)` is end of stream, `.wouldBlock` means
    /// nothing is available yet. Resets (`ECONNRESET`) and other failures throw.
    @inline(__always)
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try call("read") { Glibc.read($0, buffer.baseAddress, buffer.count) }
    }

    /// Writes the bytes of `vectors` in order with one call (`sendmsg`, so up to `IOV_MAX`
    /// buffers) and returns how many bytes the kernel took, possibly fewer than offered.
    /// Uses `MSG_NOSIGNAL`: a closed peer gives `EPIPE` as an error, never `SIGPIPE`.
    @inline(__always)
    public func writev(_ vectors: UnsafeBufferPointer<iovec>) throws(SystemError) -> IOResult<Int> {
        var message = msghdr()
        message.msg_iov = UnsafeMutablePointer(mutating: vectors.baseAddress)
        message.msg_iovlen = vectors.count
        return try call("sendmsg") { sendmsg($0, &message, CInt(MSG_NOSIGNAL)) }
    }

    /// Writes the bytes of `vectors` in order with one call; see `writev(_:)` taking a buffer.
    public func writev(_ vectors: [iovec]) throws(SystemError) -> IOResult<Int> {
        try vectors.withUnsafeBufferPointer { (pointer) throws(SystemError) in try writev(pointer) }
    }

    /// Writes `bytes` with `send(MSG_NOSIGNAL)` and returns how many the kernel took.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(SystemError) -> IOResult<Int> {
        try call("send") { send($0, bytes.baseAddress, bytes.count, CInt(MSG_NOSIGNAL)) }
    }
}
