import Glibc

extension Socket {
    /// Creates a connected pair of Unix stream sockets (`socketpair`), close-on-exec and
    /// blocking: for threads of one's own talking to a child process, never an event loop.
    /// Pass one end to a child with `ChildProcess.spawn(..., descriptors:)`.
    public static func pair() throws(SystemError) -> (Socket, Socket) {
        var descriptors: (CInt, CInt) = (-1, -1)
        _ = try withUnsafeMutableBytes(of: &descriptors) { (raw) throws(SystemError) in
            try syscallValue("socketpair") {
                socketpair(AF_UNIX, CInt(SOCK_STREAM.rawValue | SOCK_CLOEXEC.rawValue), 0, raw.baseAddress!.assumingMemoryBound(to: CInt.self))
            }
        }
        return (Socket(adopting: descriptors.0), Socket(adopting: descriptors.1))
    }

    /// Writes all of `bytes` on a blocking socket, looping over partial writes. A closed peer
    /// throws `EPIPE` (never `SIGPIPE`).
    public func writeAll(_ bytes: UnsafeRawBufferPointer) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            switch try write(UnsafeRawBufferPointer(rebasing: bytes[offset...])) {
            case .processed(let count): offset += count
            case .wouldBlock: throw SystemError(call: "send", errno: EAGAIN)  // not on a blocking socket
            }
        }
    }
}
