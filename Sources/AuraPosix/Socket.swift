import Glibc

/// A nonblocking, close-on-exec TCP socket (IPv4 or IPv6).
///
/// One owner uses a socket at a time (an event loop's thread, once registered). `close()` is
/// idempotent, and a socket still open when released is closed then, as a safety net.
public final class Socket: @unchecked Sendable {
    /// The file descriptor, or -1 once closed.
    public private(set) var descriptor: CInt

    /// True until `close()`.
    public var isOpen: Bool { descriptor >= 0 }

    /// Creates an unconnected TCP socket for `family`.
    public convenience init(family: SocketAddress.Family) throws(SystemError) {
        let domain = family == .ipv4 ? AF_INET : AF_INET6
        let type = CInt(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        self.init(adopting: try syscallValue("socket") { Glibc.socket(domain, type, 0) })
    }

    /// Takes ownership of an open descriptor, which must already be nonblocking.
    public init(adopting descriptor: CInt) {
        precondition(descriptor >= 0, "invalid descriptor")
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Creates a socket listening on `address` with `SO_REUSEADDR` (and `SO_REUSEPORT` when
    /// `reusePort`, so several sockets can share the port and the kernel spreads connections).
    public static func listen(
        on address: SocketAddress, backlog: Int = 1024, reusePort: Bool = false
    ) throws(SystemError) -> Socket {
        let socket = try Socket(family: address.family)
        try socket.setOption(SOL_SOCKET, SO_REUSEADDR, 1, call: "setsockopt(SO_REUSEADDR)")
        if reusePort { try socket.setOption(SOL_SOCKET, SO_REUSEPORT, 1, call: "setsockopt(SO_REUSEPORT)") }
        try socket.bind(to: address)
        try socket.listen(backlog: backlog)
        return socket
    }

    /// Binds the socket to a local address (port 0: the kernel picks one).
    public func bind(to address: SocketAddress) throws(SystemError) {
        _ = try address.withSockAddr { (pointer, length) throws(SystemError) in
            try syscallValue("bind") { Glibc.bind(descriptor, pointer, length) }
        }
    }

    /// Starts accepting connections, with up to `backlog` waiting to be accepted.
    public func listen(backlog: Int) throws(SystemError) {
        _ = try syscallValue("listen") { Glibc.listen(descriptor, CInt(clamping: backlog)) }
    }

    /// Accepts one waiting connection as a nonblocking socket, or `.wouldBlock` when none waits.
    public func accept() throws(SystemError) -> IOResult<Socket> {
        let flags = CInt(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        switch try syscall("accept4", { LinuxCalls.accept4(descriptor, nil, nil, flags) }) {
        case .processed(let fd): return .processed(Socket(adopting: fd))
        case .wouldBlock: return .wouldBlock
        }
    }

    /// Starts connecting to `address`: `.processed` when connected at once, `.wouldBlock` when
    /// in progress (wait for `.writable`, then call `finishConnect()`).
    public func connect(to address: SocketAddress) throws(SystemError) -> IOResult<Void> {
        do {
            _ = try address.withSockAddr { (pointer, length) throws(SystemError) in
                try syscallValue("connect") { Glibc.connect(descriptor, pointer, length) }
            }
            return .processed(())
        } catch where error.errno == EINPROGRESS || error.errno == EALREADY {
            return .wouldBlock
        } catch where error.errno == EISCONN {
            return .processed(())
        }
    }

    /// Completes a nonblocking connect after `.writable`: throws the connect error
    /// (`ECONNREFUSED`, `ETIMEDOUT`, ...) as `SystemError(call: "connect")` if it failed.
    public func finishConnect() throws(SystemError) {
        let code = try pendingError()
        if code != 0 { throw SystemError(call: "connect", errno: code) }
    }

    /// Reads and clears the socket's pending error (`SO_ERROR`); 0 when there is none.
    public func pendingError() throws(SystemError) -> CInt {
        var code: CInt = 0
        var length = socklen_t(MemoryLayout<CInt>.size)
        _ = try syscallValue("getsockopt(SO_ERROR)") { getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &code, &length) }
        return code
    }

    /// Closes the descriptor; idempotent. Errors are ignored: the descriptor is gone either way
    /// on Linux, and `close` is never retried (a retry could close a reused descriptor).
    public func close() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
    }
}
