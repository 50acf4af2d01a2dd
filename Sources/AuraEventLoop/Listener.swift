import AuraPosix
import Dispatch

/// A TCP server socket per loop of a group, all on one address and port (`SO_REUSEPORT`), so
/// the kernel spreads new connections over the loops and each is served where it was accepted.
public final class Listener: @unchecked Sendable {
    /// The bound address, with the real port when port 0 was asked for.
    public let address: SocketAddress
    private let acceptors: [Acceptor]
    private let lock = Lock()
    private var isClosed = false

    private init(address: SocketAddress, acceptors: [Acceptor]) {
        self.address = address
        self.acceptors = acceptors
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

    /// Stops accepting and closes the listening sockets; channels already accepted stay open.
    /// Idempotent. Called off the group's threads, it returns once every socket is closed;
    /// on a loop thread it closes that loop's socket at once and the others shortly after.
    public func close() {
        let first = lock.withLock { () -> Bool in
            defer { isClosed = true }
            return !isClosed
        }
        guard first else { return }
        let done = DispatchGroup()
        for acceptor in acceptors {
            if acceptor.loop.inEventLoop {
                acceptor.close()
                continue
            }
            done.enter()
            let accepted = acceptor.loop.enqueueWork(.closure {
                acceptor.close()
                done.leave()
            })
            if !accepted {
                acceptor.close()  // the loop is gone, so this thread may touch it
                done.leave()
            }
        }
        if EventLoop.current == nil { done.wait() }
    }
}
