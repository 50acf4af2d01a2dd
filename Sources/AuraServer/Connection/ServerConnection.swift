import AuraBytes
import AuraEventLoop
import AuraPosix
import AuraWire

/// One client connection: feeds the socket's bytes to a `ConnectionCore`, runs a call per
/// stream, and writes the core's output back. Loop-confined.
final class ServerConnection: ChannelHandler, ConnectionDelegate, @unchecked Sendable {  // loop-confined: `Channel` asserts its callbacks; other threads go through `execute`
    let channel: Channel
    let core: ConnectionCore
    private let registry: MethodRegistry
    let configuration: ServerConfiguration
    private let tracker: ConnectionTracker
    // The state below is touched on the loop thread only, by methods that never hold an access
    // to it across a call out (the calls are iterated over a copy): `@exclusivity(unchecked)`
    // spares each access a run-time check.
    @exclusivity(unchecked) private var calls = StreamTable<ServerCall>()
    /// The peer's IP address, which the per-address connection limit counts.
    let peerHost: String
    /// The peer as `"host:port"`, each call's `ServerContext.peer` (formatted once).
    private lazy var peerDescription = channel.remoteAddressDescription
    @exclusivity(unchecked) var timeouts: ConnectionTimeouts
    /// The one timer of this connection (see `ConnectionTimeouts`).
    @exclusivity(unchecked) var timer: Scheduled?
    /// What the connection holds for its peer (see `ServerConnection+Memory.swift`).
    @exclusivity(unchecked) var memory: ConnectionMemory
    let heapTrimmer: HeapTrimmer
    /// Handlers waiting for the replies queued on this connection to drain, oldest first.
    @exclusivity(unchecked) var memoryWaiters: [(id: UInt32, continuation: CheckedContinuation<Void, any Error>)] = []

    init(
        channel: Channel, registry: MethodRegistry, configuration: ServerConfiguration, tracker: ConnectionTracker,
        budget: MemoryBudget, trimmer: HeapTrimmer
    ) {
        self.channel = channel
        self.registry = registry
        self.configuration = configuration
        self.tracker = tracker
        memory = ConnectionMemory(budget: budget)
        heapTrimmer = trimmer
        core = ConnectionCore(role: .server, settings: configuration.settings)
        peerHost = channel.remoteAddress?.host ?? "unknown"
        timeouts = ConnectionTimeouts(configuration: configuration, now: MonotonicClock.nanoseconds())
        core.delegate = self
        if let tls = configuration.tls { channel.secure(with: tls.makeSession()) }
    }

    // MARK: ChannelHandler

    func channelActive(_ channel: Channel) {
        if let refusal = tracker.admit(self) {
            refuse(refusal)
            return
        }
        flush()
        armTimer()
    }

    func channelRead(_ channel: Channel, _ buffer: inout ByteBuffer) {
        let start = buffer.readerIndex
        core.receive(&buffer)
        timeouts.bytesReceived(
            now: MonotonicClock.nanoseconds(), completedFrames: buffer.readerIndex != start, partialFrameLeft: buffer.readableBytes > 0)
        flush()
        accountMemory()  // requests held above the share end the connection at once
        if core.hasFailed { closeChannel() }
        // A client that sends but does not read (a PING flood, say) would make our replies pile
        // up: stop reading it until the socket drains.
        if !channel.isWritable { pauseReading() }
    }

    func channelWritabilityChanged(_ channel: Channel) {
        accountMemory()
        guard channel.isWritable else { return }
        channel.setReadingEnabled(true)
        for call in calls.values { call.writable() }
    }

    func channelInactive(_ channel: Channel) {
        if let failure = channel.securityFailure { configuration.logger.log(.warning, "\(channel.remoteAddressDescription): \(failure)") }
        timer?.cancel()
        timer = nil
        core.transportClosed()
        for call in Array(calls.values) { call.fail(RPCError(.unavailable, "the connection closed"), notifyPeer: false) }
        calls.removeAll()
        releaseMemory()
        tracker.remove(self)
    }

    /// Output held for the flush phase up to this size; more goes to the socket at once, so the
    /// peer starts on the first answers while the loop computes the rest, and a handler that
    /// sends without pause still meets the channel's watermarks. Holding all of an iteration's
    /// answers made the two sides of a busy connection take turns: at 64 calls in flight on one
    /// connection 22,605 calls/s held up to 64 KiB, 60,037 with 4 KiB (`aura-bench --only
    /// peer-shapes`, benchmarks/README.md).
    static let heldOutputLimit = 4 * 1024

    /// Has whatever the core has queued written. The bytes stay in the core until the loop's
    /// flush phase (`channelWillFlush`), so the frames of every call answered in one iteration
    /// go out in one buffer; what the connection holds is recounted there too, once.
    func flush() {
        guard core.hasOutput else { return }
        if core.outputByteCount > Self.heldOutputLimit {
            writeOutput()
            channel.writeQueuedNow()
            accountMemory()  // what the socket did not take
        } else {
            channel.requestFlush()
        }
    }

    func channelWillFlush(_ channel: Channel) {
        writeOutput()
        accountMemory()
    }

    /// Hands the core's queued bytes to the channel.
    func writeOutput() {
        if core.hasOutput { core.drainOutput { channel.write($0) } }
    }

    /// Closes the channel after handing it the core's last bytes (a GOAWAY, say): a closing
    /// channel takes no more writes.
    func closeChannel() {
        writeOutput()
        channel.close()
    }

    // MARK: ConnectionDelegate

    func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool) {
        timeouts.callOpened()
        guard memory.admitsNewCalls else {
            core.cancelStream(id, code: .resourceExhausted)  // refused: the server's memory budget is spent
            return
        }
        // An unknown method still goes through the interceptors: they log it, or reject it
        // without telling an unauthenticated client which methods exist.
        let handler = registry.handler(for: headers.normalizedMethod) ?? .unimplemented(headers)
        let deadline = headers.timeoutMicros == 0 ? nil : ContinuousClock.now + .microseconds(Int64(clamping: headers.timeoutMicros))
        let context = ServerContext(method: handler.name, headers: headers, deadline: deadline, peer: peerDescription, loop: channel.eventLoop)
        let call = ServerCall(id: id, handler: handler, context: context, connection: self)
        calls[id] = call
        call.start()
        if endStream { call.inboundClosed() }
    }

    func headersReceived(_ id: UInt32, headers: CallHeaders) {}

    func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {
        guard let call = calls[id] else {
            core.messageConsumed(id, wireSize: wireSize)
            return
        }
        memory.deliveredBytes += message.readableBytes
        call.received(message, wireSize: wireSize)
    }

    /// A handler took (or dropped) a request message: its memory and credit go back.
    func messageTaken(_ id: UInt32, _ message: ByteBuffer, wireSize: Int) {
        messageDropped(message)
        creditReturned(id, wireSize: wireSize)
    }

    /// A request message was dropped unread: its memory goes back (its credit with
    /// `creditReturned`, which may come later).
    func messageDropped(_ message: ByteBuffer) { memory.deliveredBytes -= message.readableBytes }

    /// The flow-control credit of `wireSize` bytes of stream `id`'s requests goes back.
    func creditReturned(_ id: UInt32, wireSize: Int) {
        core.messageConsumed(id, wireSize: wireSize)
        flush()
    }

    func inboundClosed(_ id: UInt32) { calls[id]?.inboundClosed() }

    func trailersReceived(_ id: UInt32, _ trailers: CallTrailers) {}

    func streamReset(_ id: UInt32, _ error: RPCError) {
        calls[id]?.fail(error, notifyPeer: false)
    }

    func streamWritable(_ id: UInt32) { calls[id]?.writable() }

    /// SPEC.md section 4.8: a client's GOAWAY OK lets the calls in flight finish, then the
    /// connection closes; any other code means the client is closing after an error.
    func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String) {
        guard code == .ok else {
            for call in Array(calls.values) { call.fail(RPCError(.cancelled, "the client went away"), notifyPeer: false) }
            closeChannel()
            return
        }
        beginShutdown(reason: "the client sent GOAWAY")
    }

    func pingAcknowledged(_ data: UInt64) { timeouts.pingAcknowledged(now: MonotonicClock.nanoseconds()) }

    func peerSettingsReceived() { timeouts.handshakeCompleted(now: MonotonicClock.nanoseconds()) }

    func connectionFailed(_ error: WireError) {}

    // MARK: Lifecycle

    /// A call ended: forget it, and close the connection if it drains for shutdown.
    func callEnded(_ id: UInt32) {
        calls[id] = nil
        if calls.isEmpty { timeouts.allCallsEnded(now: MonotonicClock.nanoseconds()) }
        flush()
        if isDraining && core.openStreamCount == 0 && calls.isEmpty { closeChannel() }
    }

    @exclusivity(unchecked) private var isDraining = false

    /// Starts a graceful shutdown: GOAWAY, then close once the calls in flight have ended.
    func beginShutdown(reason: String) {
        isDraining = true
        core.goAway(code: .ok, reason: reason)
        flush()
        if calls.isEmpty && core.openStreamCount == 0 { closeChannel() }
    }

    /// Ends every call still running and closes the connection.
    func forceClose() {
        for call in Array(calls.values) { call.fail(RPCError(.unavailable, "the server shut down")) }
        flush()
        closeChannel()
    }
}
