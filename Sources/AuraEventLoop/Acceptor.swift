import AuraPosix
import Glibc

/// One listening socket on one loop: accepts connections and turns each into an active
/// `Channel` on that loop. Lives on the loop thread once started.
final class Acceptor: Selectable, @unchecked Sendable {  // loop-confined: `Listener` closes it on its loop or after the loop ended
    /// Accepts per readiness event, so a connection storm cannot starve established channels.
    static let maximumAcceptsPerEvent = 64
    /// How long accepting pauses after running out of descriptors or memory.
    static let pauseAfterResourceError = Duration.milliseconds(100)

    let loop: EventLoop
    let socket: Socket
    private let makeHandler: @Sendable (Channel) -> ChannelHandler
    private var isRegistered = false
    private var isClosed = false

    init(loop: EventLoop, socket: Socket, makeHandler: @escaping @Sendable (Channel) -> ChannelHandler) {
        self.loop = loop
        self.socket = socket
        self.makeHandler = makeHandler
    }

    /// Registers the listening socket for `.readable` (loop thread).
    func start() {
        guard !isClosed else { return }
        do {
            try loop.register(self, descriptor: socket.descriptor, events: .readable)
            isRegistered = true
        } catch {
            close()
        }
    }

    func handleEvents(_ events: EpollEvents) {
        for _ in 0..<Acceptor.maximumAcceptsPerEvent where !isClosed {
            do {
                switch try socket.accept() {
                case .wouldBlock: return
                case .processed(let connection): adopt(connection)
                }
            } catch where [ECONNABORTED, EPROTO, EPERM].contains(error.errno) {
                continue  // that connection died before we took it; the next may be fine
            } catch {
                pause()  // EMFILE, ENFILE, ENOBUFS, ENOMEM: level-triggered would spin
                return
            }
        }
    }

    private func adopt(_ connection: Socket) {
        try? connection.setNoDelay(true)
        let channel = Channel(socket: connection, eventLoop: loop)
        // A failed registration closes the socket: the peer sees a reset, we carry on.
        try? channel.activate(handler: makeHandler(channel))
    }

    private func pause() {
        guard (try? loop.setInterest([], for: socket.descriptor)) != nil else { return }
        loop.schedule(after: Acceptor.pauseAfterResourceError) { [self] in
            if !isClosed { try? loop.setInterest(.readable, for: socket.descriptor) }
        }
    }

    /// Stops accepting and closes the listening socket (loop thread, or any thread once the
    /// loop has shut down); idempotent.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        if isRegistered { loop.deregister(descriptor: socket.descriptor) }
        socket.close()
    }

    func closeForShutdown() { close() }
}
