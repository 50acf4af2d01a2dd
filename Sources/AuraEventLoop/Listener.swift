import AuraPosix

/// A TCP server socket per loop of a group, all on one address and port (`SO_REUSEPORT`), so
/// the kernel spreads new connections over the loops and each is served where it was accepted.
public final class Listener: @unchecked Sendable {  // mutable state under `lock`; acceptors touched on their loops
    /// The bound address, with the real port when port 0 was asked for.
    public let address: SocketAddress
    private let acceptors: [Acceptor]
    private let lock = Lock()
    private var isClosed = false
    private var openAcceptors: Int
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []

    private init(address: SocketAddress, acceptors: [Acceptor]) {
        self.address = address
        self.acceptors = acceptors
        openAcceptors = acceptors.count
    }

    /// The bound port.
    public var port: Int { address.port }

    /// Binds `address` on every loop of `group` (one listening socket per loop; with port 0
    /// the first bind picks the port and the others reuse it) and accepts connections on each
    /// loop, giving every connection a handler from `makeHandler` (called on that loop's
    /// thread, before `channelActive`). Connections are queued by the kernel from the moment
    /// this returns. Throws `SystemError` (`EADDRINUSE`, ...) or `EventLoopError.shutDown`.
    public static func bind(
        _ address: SocketAddress, group: EventLoopGroup, backlog: Int = 1024,
        makeHandler: @escaping @Sendable (Channel) -> ChannelHandler
    ) throws -> Listener {
        var bound = address
        var sockets: [Socket] = []
        do {
            for _ in group.loops {
                let socket = try Socket.listen(on: bound, backlog: backlog, reusePort: true)
                sockets.append(socket)
                if bound.port == 0 { bound = try socket.localAddress() }
            }
        } catch {
            for socket in sockets { socket.close() }
            throw error
        }
        let acceptors = zip(group.loops, sockets).map { loop, socket in
            Acceptor(loop: loop, socket: socket, makeHandler: makeHandler)
        }
        let listener = Listener(address: bound, acceptors: acceptors)
        for acceptor in acceptors where !acceptor.loop.enqueueWork(.closure { acceptor.start() }) {
            listener.close()
            throw EventLoopError.shutDown
        }
        return listener
    }

    /// Parses `address` (`"127.0.0.1:0"`, `"[::1]:7443"`, `"localhost:7443"`) and binds it;
    /// see `bind(_:group:backlog:makeHandler:)` taking a `SocketAddress`.
    public static func bind(
        _ address: String, group: EventLoopGroup, backlog: Int = 1024,
        makeHandler: @escaping @Sendable (Channel) -> ChannelHandler
    ) throws -> Listener {
        try bind(SocketAddress(parsing: address), group: group, backlog: backlog, makeHandler: makeHandler)
    }

    /// Stops accepting: asks each loop to close its listening socket and returns at once,
    /// never blocking the calling thread (on a loop whose thread has ended, the socket closes
    /// here). Channels already accepted stay open. Idempotent; `waitUntilClosed()` waits for
    /// the sockets to be closed.
    public func close() {
        let first = lock.withLock { () -> Bool in
            defer { isClosed = true }
            return !isClosed
        }
        guard first else { return }
        for acceptor in acceptors {
            if acceptor.loop.inEventLoop {
                closeAcceptor(acceptor)
            } else if !acceptor.loop.enqueueWork(.closure { [self] in closeAcceptor(acceptor) }) {
                closeAcceptor(acceptor)  // the loop is gone, so this thread may touch it
            }
        }
    }

    /// Returns once `close()` was called and every listening socket is closed.
    public func waitUntilClosed() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let done = lock.withLock { () -> Bool in
                if openAcceptors == 0 { return true }
                closeWaiters.append(continuation)
                return false
            }
            if done { continuation.resume() }
        }
    }

    private func closeAcceptor(_ acceptor: Acceptor) {
        acceptor.close()
        let waiters = lock.withLock { () -> [CheckedContinuation<Void, Never>] in
            openAcceptors -= 1
            guard openAcceptors == 0 else { return [] }
            defer { closeWaiters.removeAll() }
            return closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
