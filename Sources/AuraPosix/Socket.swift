import Glibc
import Synchronization

/// A nonblocking, close-on-exec TCP socket (IPv4 or IPv6).
///
/// One owner uses a socket at a time (an event loop's thread, once registered), but `close()`
/// is safe from any thread, at any time, any number of times: every call on the socket holds a
/// use of its descriptor, and the descriptor is closed when the last use ends, so a close racing
/// with a `read` on another thread can never make that `read` hit a reused descriptor number.
/// Calls after `close()` throw `EBADF`. A socket still open when released is closed then.
public final class Socket: Sendable {
    private let fileDescriptor: CInt
    /// Bit 0: closed. The other bits: twice the number of calls using the descriptor right now.
    private let usage = Atomic<Int>(0)

    /// The file descriptor, or -1 once closed. For registering with epoll by the socket's owner;
    /// use the socket's methods for I/O.
    public var descriptor: CInt { isOpen ? fileDescriptor : -1 }

    /// True until `close()`.
    public var isOpen: Bool { usage.load(ordering: .acquiring) & 1 == 0 }

    /// Creates an unconnected TCP socket for `family`.
    public convenience init(family: SocketAddress.Family) throws(SystemError) {
        let domain = family == .ipv4 ? AF_INET : AF_INET6
        let type = CInt(SOCK_STREAM.rawValue | SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        self.init(adopting: try syscallValue("socket") { Glibc.socket(domain, type, 0) })
    }

    /// Takes ownership of an open descriptor, which must already be nonblocking.
    public init(adopting descriptor: CInt) {
        precondition(descriptor >= 0, "invalid descriptor")
        fileDescriptor = descriptor
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
            try callValue("bind") { Glibc.bind($0, pointer, length) }
        }
    }

    /// Starts accepting connections, with up to `backlog` waiting to be accepted.
    public func listen(backlog: Int) throws(SystemError) {
        _ = try callValue("listen") { Glibc.listen($0, CInt(clamping: backlog)) }
    }

    /// Accepts one waiting connection as a nonblocking socket, or `.wouldBlock` when none waits.
    public func accept() throws(SystemError) -> IOResult<Socket> {
        let flags = CInt(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue)
        switch try call("accept4", { LinuxCalls.accept4($0, nil, nil, flags) }) {
        case .processed(let fd): return .processed(Socket(adopting: fd))
        case .wouldBlock: return .wouldBlock
        }
    }

    /// Starts connecting to `address`: `.processed` when connected at once, `.wouldBlock` when
    /// in progress (wait for `.writable`, then call `finishConnect()`).
    public func connect(to address: SocketAddress) throws(SystemError) -> IOResult<Void> {
        do {
            _ = try address.withSockAddr { (pointer, length) throws(SystemError) in
                try callValue("connect") { Glibc.connect($0, pointer, length) }
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
        _ = try callValue("getsockopt(SO_ERROR)") { getsockopt($0, SOL_SOCKET, SO_ERROR, &code, &length) }
        return code
    }

    /// Closes the descriptor: at once, or when the call using it on another thread returns.
    /// Idempotent and safe from any thread. Errors are ignored: the descriptor is gone either
    /// way on Linux, and `close` is never retried (a retry could close a reused descriptor).
    public func close() {
        if usage.bitwiseOr(1, ordering: .acquiringAndReleasing).oldValue == 0 {
            _ = Glibc.close(fileDescriptor)
        }
    }

    /// Runs the libc call `body` on the descriptor, holding a use of it so a concurrent
    /// `close()` waits for the call to return; see `syscall(_:mapWouldBlock:_:)`. Throws `EBADF`
    /// once closed.
    @inline(__always)
    func call<T: FixedWidthInteger>(
        _ name: StaticString, mapWouldBlock: Bool = true, _ body: (CInt) -> T
    ) throws(SystemError) -> IOResult<T> {
        guard beginUse() else { throw SystemError(call: String(describing: name), errno: EBADF) }
        defer { endUse() }
        return try syscall(name, mapWouldBlock: mapWouldBlock) { body(fileDescriptor) }
    }

    /// Like `call(_:mapWouldBlock:_:)` for a call that is not expected to block.
    @inline(__always)
    func callValue<T: FixedWidthInteger>(_ name: StaticString, _ body: (CInt) -> T) throws(SystemError) -> T {
        switch try call(name, mapWouldBlock: false, body) {
        case .processed(let value): return value
        case .wouldBlock: preconditionFailure("unreachable: EAGAIN is an error here")
        }
    }

    private func beginUse() -> Bool {
        var current = usage.load(ordering: .relaxed)
        while current & 1 == 0 {
            let (exchanged, original) = usage.compareExchange(
                expected: current, desired: current + 2, ordering: .acquiring)
            if exchanged { return true }
            current = original
        }
        return false
    }

    private func endUse() {
        // The last use of a closed socket (closed bit alone left) closes the descriptor.
        if usage.wrappingSubtract(2, ordering: .acquiringAndReleasing).newValue == 1 {
            _ = Glibc.close(fileDescriptor)
        }
    }
}
