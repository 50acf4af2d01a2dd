import AuraBytes
import AuraEventLoop
import AuraWire

/// One connection to a server: a `ConnectionCore` in the client role over a channel, and the
/// calls open on it. Loop-confined.
final class ClientConnection: ChannelHandler, ConnectionDelegate, @unchecked Sendable {
    let loop: EventLoop
    let core: ConnectionCore
    private(set) var channel: Channel!
    private var calls: [UInt32: ClientCall] = [:]
    /// Calls waiting for a free stream slot (the server's MAX_CONCURRENT_STREAMS).
    private var slotWaiters: [CheckedContinuation<Void, any Error>] = []
    private(set) var isClosed = false

    init(loop: EventLoop, settings: Settings) {
        self.loop = loop
        core = ConnectionCore(role: .client, settings: settings)
        core.delegate = self
    }

    /// Whether new calls may start here.
    var isUsable: Bool { !isClosed && core.acceptsNewStreams }

    /// Opens a stream for a call, waiting for a slot if the server's limit is reached. Until the
    /// server's SETTINGS arrive (one round trip), only one call goes out: the server's limit may
    /// be lower than the protocol's default, and a refused call would fail.
    func openCall(method: String, options: CallOptions, observers: ClientCallObservers) async throws -> ClientCall {
        while isUsable && (!core.canOpenStream || (!core.hasPeerSettings && core.openStreamCount > 0)) {
            try await withCheckedThrowingContinuation { slotWaiters.append($0) }
        }
        let id = try core.openStream(options.headers(method: method))
        let call = ClientCall(id: id, connection: self, options: options, observers: observers)
        calls[id] = call
        flush()
        return call
    }

    /// A call ended: its slot is free.
    func callEnded(_ id: UInt32) {
        calls[id] = nil
        if !slotWaiters.isEmpty { slotWaiters.removeFirst().resume() }
    }

    /// Writes whatever the core has queued.
    func flush() {
        guard core.hasOutput, let channel else { return }
        core.drainOutput { channel.write($0) }
    }

    /// Closes the connection; calls still open end with UNAVAILABLE.
    func close() {
        channel?.close()
    }

    // MARK: ChannelHandler

    func channelActive(_ channel: Channel) {
        self.channel = channel
        flush()
    }

    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        core.receive(&buffer)
        flush()
        if core.hasFailed { channel.close() }
    }

    func channelWritabilityChanged(_ channel: Channel) {
        guard channel.isWritable else { return }
        for call in calls.values { call.writable() }
    }

    func channelInactive(_ channel: Channel) {
        isClosed = true
        core.transportClosed(RPCError(.unavailable, "the connection to the server closed"))
        for call in Array(calls.values) { call.end(CallTrailers(code: .unavailable, message: "the connection to the server closed")) }
        let waiters = slotWaiters
        slotWaiters.removeAll()
        for waiter in waiters { waiter.resume(throwing: RPCError(.unavailable, "the connection to the server closed")) }
    }

    // MARK: ConnectionDelegate

    func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool) {}

    func headersReceived(_ id: UInt32, headers: CallHeaders) { calls[id]?.headersReceived(headers) }

    func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {
        guard let call = calls[id] else { return core.messageConsumed(id, wireSize: wireSize) }
        call.received(message, wireSize: wireSize)
    }

    func inboundClosed(_ id: UInt32) {}

    func trailersReceived(_ id: UInt32, _ trailers: CallTrailers) { calls[id]?.end(trailers) }

    func streamReset(_ id: UInt32, _ error: RPCError) { calls[id]?.end(CallTrailers(error: error)) }

    func streamWritable(_ id: UInt32) { calls[id]?.writable() }

    func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String) {
        let waiters = slotWaiters
        slotWaiters.removeAll()
        for waiter in waiters { waiter.resume() }  // they retry on a new connection
    }

    func pingAcknowledged(_ data: UInt64) {}

    func connectionFailed(_ error: WireError) {}

    func peerSettingsReceived() {
        let waiters = slotWaiters
        slotWaiters.removeAll()
        for waiter in waiters { waiter.resume() }  // each checks the server's limit again
    }
}
