import Glibc

extension Socket {
    /// Turns Nagle's algorithm off (`TCP_NODELAY`) so small frames leave at once.
    public func setNoDelay(_ enabled: Bool) throws(SystemError) {
        try setOption(CInt(IPPROTO_TCP), TCP_NODELAY, enabled ? 1 : 0, call: "setsockopt(TCP_NODELAY)")
    }

    /// Lets a listener bind a port still in `TIME_WAIT` (`SO_REUSEADDR`).
    public func setReuseAddress(_ enabled: Bool) throws(SystemError) {
        try setOption(SOL_SOCKET, SO_REUSEADDR, enabled ? 1 : 0, call: "setsockopt(SO_REUSEADDR)")
    }

    /// Lets several sockets bind the same address and port (`SO_REUSEPORT`); set before `bind`.
    public func setReusePort(_ enabled: Bool) throws(SystemError) {
        try setOption(SOL_SOCKET, SO_REUSEPORT, enabled ? 1 : 0, call: "setsockopt(SO_REUSEPORT)")
    }

    /// Sets the kernel send buffer size (`SO_SNDBUF`; the kernel doubles it and stops autotuning).
    public func setSendBufferSize(_ bytes: Int) throws(SystemError) {
        try setOption(SOL_SOCKET, SO_SNDBUF, CInt(clamping: bytes), call: "setsockopt(SO_SNDBUF)")
    }

    /// Sets the kernel receive buffer size (`SO_RCVBUF`; the kernel doubles it and stops autotuning).
    public func setReceiveBufferSize(_ bytes: Int) throws(SystemError) {
        try setOption(SOL_SOCKET, SO_RCVBUF, CInt(clamping: bytes), call: "setsockopt(SO_RCVBUF)")
    }

    /// The address the socket is bound to (with the port the kernel picked for port 0).
    public func localAddress() throws(SystemError) -> SocketAddress {
        try address(call: "getsockname") { getsockname($0, $1, $2) }
    }

    /// The address of the connected peer.
    public func remoteAddress() throws(SystemError) -> SocketAddress {
        try address(call: "getpeername") { getpeername($0, $1, $2) }
    }

    func setOption(_ level: CInt, _ name: CInt, _ value: CInt, call: StaticString) throws(SystemError) {
        var value = value
        _ = try callValue(call) {
            setsockopt($0, level, name, &value, socklen_t(MemoryLayout<CInt>.size))
        }
    }

    private func address(
        call: StaticString,
        _ body: (CInt, UnsafeMutablePointer<sockaddr>, UnsafeMutablePointer<socklen_t>) -> CInt
    ) throws(SystemError) -> SocketAddress {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = try withUnsafeMutableBytes(of: &storage) { (raw) throws(SystemError) in
            try callValue(call) {
                body($0, raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), &length)
            }
        }
        guard let address = SocketAddress(storage: storage, length: length) else {
            throw SystemError(call: String(describing: call), errno: EAFNOSUPPORT)
        }
        return address
    }
}
