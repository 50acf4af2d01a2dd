import AuraPosix
import Glibc

/// Opens a TCP connection to `address` from `loop` (nonblocking connect, completion on
/// `.writable`) and returns the active channel, whose handler comes from `makeHandler` (called
/// on the loop thread, before `channelActive`, which runs before this returns).
///
/// Throws `SystemError(call: "connect")` with `ECONNREFUSED`, `ENETUNREACH`, ..., or
/// `ETIMEDOUT` when `timeout` passes first; `CancellationError` when the task is cancelled;
/// `EventLoopError.shutDown` when the loop is gone.
public func connect(
    to address: SocketAddress, on loop: EventLoop, timeout: Duration = .seconds(10),
    makeHandler: @escaping @Sendable (Channel) -> ChannelHandler
) async throws -> Channel {
    let socket = try Socket(family: address.family)
    try socket.setNoDelay(true)
    let attempt = ConnectAttempt(
        socket: socket, address: address, loop: loop, timeout: timeout, makeHandler: makeHandler)
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            if !loop.enqueueWork(.closure { attempt.start(continuation) }) {
                socket.close()
                continuation.resume(throwing: EventLoopError.shutDown)
            }
        }
    } onCancel: {
        loop.execute { attempt.cancel() }
    }
}

/// Parses `address` (`"127.0.0.1:7443"`, `"[::1]:7443"`, `"localhost:7443"`; a name is
/// resolved on the calling thread) and connects; see `connect(to:on:timeout:makeHandler:)`.
public func connect(
    to address: String, on loop: EventLoop, timeout: Duration = .seconds(10),
    makeHandler: @escaping @Sendable (Channel) -> ChannelHandler
) async throws -> Channel {
    try await connect(
        to: SocketAddress(parsing: address), on: loop, timeout: timeout, makeHandler: makeHandler)
}

/// A connect in progress on its loop: registered for `.writable`, with a timeout timer.
final class ConnectAttempt: Selectable, @unchecked Sendable {  // loop-confined: every method runs as work on `loop`
    private let socket: Socket
    private let address: SocketAddress
    private let loop: EventLoop
    private let timeout: Duration
    private let makeHandler: @Sendable (Channel) -> ChannelHandler
    private var continuation: CheckedContinuation<Channel, any Error>?
    private var isCancelled = false
    private var isRegistered = false
    private var timeoutTimer: Scheduled?

    init(
        socket: Socket, address: SocketAddress, loop: EventLoop, timeout: Duration,
        makeHandler: @escaping @Sendable (Channel) -> ChannelHandler
    ) {
        self.socket = socket
        self.address = address
        self.loop = loop
        self.timeout = timeout
        self.makeHandler = makeHandler
    }

    /// Starts connecting (loop thread).
    func start(_ continuation: CheckedContinuation<Channel, any Error>) {
        self.continuation = continuation
        if isCancelled {
            fail(CancellationError())
            return
        }
        do {
            switch try socket.connect(to: address) {
            case .processed:
                succeed()
            case .wouldBlock:
                try loop.register(self, descriptor: socket.descriptor, events: .writable)
                isRegistered = true
                timeoutTimer = loop.schedule(after: timeout) { [self] in
                    fail(SystemError(call: "connect", errno: ETIMEDOUT))
                }
            }
        } catch {
            fail(error)
        }
    }

    func handleEvents(_ events: EpollEvents) {
        do {
            try socket.finishConnect()
            succeed()
        } catch {
            fail(error)
        }
    }

    func cancel() {
        isCancelled = true
        fail(CancellationError())
    }

    func closeForShutdown() { fail(EventLoopError.shutDown) }

    private func succeed() {
        guard let continuation = continuation.take() else { return }
        stopWaiting()
        let channel = Channel(socket: socket, eventLoop: loop)
        do {
            try channel.activate(handler: makeHandler(channel))
            continuation.resume(returning: channel)
        } catch {
            continuation.resume(throwing: error)
        }
    }

    private func fail(_ error: any Error) {
        guard let continuation = continuation.take() else { return }
        stopWaiting()
        socket.close()
        continuation.resume(throwing: error)
    }

    private func stopWaiting() {
        timeoutTimer?.cancel()
        timeoutTimer = nil
        if isRegistered {
            loop.deregister(descriptor: socket.descriptor)
            isRegistered = false
        }
    }
}
