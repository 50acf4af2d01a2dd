import AuraBytes
import AuraEventLoop
import AuraWire

/// One connection to a server: a `ConnectionCore` in the client role over a channel, and the
/// calls open on it. Loop-confined.
final class ClientConnection: ChannelHandler, ConnectionDelegate, @unchecked Sendable {  // loop-confined (asserted in `openCall`; `Channel` asserts its callbacks)
    let loop: EventLoop
    let core: ConnectionCore
    // The state below is touched on the loop thread only, by methods that never hold an access
    // across a call out: `@exclusivity(unchecked)` spares each access a run-time check.
    @exclusivity(unchecked) private(set) var channel: Channel!
    @exclusivity(unchecked) private var calls = StreamTable<ClientCall>()
    /// Calls waiting for a free stream slot (the server's MAX_CONCURRENT_STREAMS), first come
    /// first served; one leaves early when its deadline passes or its task is cancelled. A
    /// waiter resumes with true when handed a freed slot.
    @exclusivity(unchecked) private var slotLine = StreamSlotLine<CheckedContinuation<Bool, any Error>>()
    @exclusivity(unchecked) private(set) var isClosed = false
    /// Whether the channel speaks TLS.
    private let isSecure: Bool
    /// Why this side closed the connection, when the calls should hear more than "closed".
    private var closeReason: String?
    /// What a call opened after the connection closed fails with (the reason it closed).
    private var closedError: RPCError?

    init(loop: EventLoop, settings: Settings, isSecure: Bool = false) {
        self.loop = loop
        self.isSecure = isSecure
        core = ConnectionCore(role: .client, settings: settings)
        core.delegate = self
    }

    /// A response message on its way to its call's reader.
    struct Response {
        let message: ByteBuffer
        /// Its size on the wire: the flow-control credit it took.
        let wireSize: Int
        let streamID: UInt32
    }

    /// Gives a response's credit back once its reader took it (or it was dropped); one
    /// closure for every call on the connection, made once. Responses stay readable after
    /// the connection closed (the server went away, the client closed it); there is no
    /// credit to give back then. Unowned: the closure runs from a call's response queue, and
    /// a call holds its connection (a weak capture gave every connection a side table, which
    /// slows each retain and release of it).
    private(set) lazy var responseReleased: (Response) -> Void = { [unowned self] taken in
        guard !isClosed else { return }
        core.messageConsumed(taken.streamID, wireSize: taken.wireSize)
        flush()
    }

    /// How many calls wait for a free stream.
    var slotWaiterCount: Int { slotLine.count }

    /// Whether new calls may start here.
    var isUsable: Bool { !isClosed && core.acceptsNewStreams }

    /// Opens a stream for a call, waiting for a slot if the server's limit is reached. Until the
    /// server's SETTINGS arrive (one round trip), only one call goes out: the server's limit may
    /// be lower than the protocol's default, and a refused call would fail. The wait counts
    /// against the call's timeout (DEADLINE_EXCEEDED) and ends with CANCELLED when the task is
    /// cancelled; the server gets the time that remains. The HEADERS wait in the core for the
    /// caller's `flush()`: a unary call's go out with its request, in one buffer.
    nonisolated(nonsending) func openCall(method: String, options: CallOptions, observers: ClientCallObservers) async throws -> ClientCall {
        loop.assertInEventLoop()
        var options = options
        let deadline = options.timeout.map { ContinuousClock.now + $0 }
        var handed = false
        while isUsable
            && !(handed ? slotLine.admitsHandedWaiter(freeSlots: freeSlots) : slotLine.admitsNewcomer(freeSlots: freeSlots)) {
            handed = try await waitForSlot(until: deadline)
            if handed { slotLine.takeHandedSlot() }
        }
        if let closedError { throw closedError }
        if let deadline {
            options.timeout = ContinuousClock.now.duration(to: deadline)
            guard options.timeout! > .zero else {
                if handed { slotLine.handOverSlot()?.resume(returning: true) }  // the slot goes to the next in line
                throw Self.slotDeadlineExceeded
            }
        }
        return try makeCall(method: method, options: options, observers: observers)
    }

    /// Whether a call may open at once, without waiting for a slot (`makeCall`).
    var admitsCallNow: Bool { isUsable && slotLine.admitsNewcomer(freeSlots: freeSlots) }

    /// Opens a call's stream now: after `openCall`'s wait for a slot, or when `admitsCallNow`.
    func makeCall(method: String, options: CallOptions, observers: ClientCallObservers) throws(RPCError) -> ClientCall {
        let id = try core.openStream(options.headers(method: method))
        let call = ClientCall(id: id, connection: self, options: options, observers: observers)
        calls[id] = call
        return call
    }

    /// A call ended: its slot is free.
    func callEnded(_ id: UInt32) {
        calls[id] = nil
        slotLine.handOverSlot()?.resume(returning: true)
    }

    /// The streams this side may still open: one until the server's SETTINGS arrive (its limit
    /// may be lower than the protocol's default, and a refused call would fail).
    private var freeSlots: Int {
        guard core.acceptsNewStreams else { return 0 }
        guard core.hasPeerSettings else { return core.openStreamCount == 0 ? 1 : 0 }
        return Int(core.peerSettings.maxConcurrentStreams) - core.openStreamCount
    }

    private static let slotDeadlineExceeded = RPCError(
        .deadlineExceeded, "the call's deadline passed while it waited for a free stream")

    /// Waits in line for `callEnded` (or new settings, a GOAWAY, the connection closing);
    /// returns true when `callEnded` handed this call its slot.
    private nonisolated(nonsending) func waitForSlot(until deadline: ContinuousClock.Instant?) async throws -> Bool {
        if Task.isCancelled { throw RPCError(.cancelled, "the call was cancelled") }
        let id = slotLine.nextID()
        let timer = deadline.map { deadline in
            loop.schedule(after: ContinuousClock.now.duration(to: deadline)) { [self] in
                leaveSlotQueue(id, throwing: Self.slotDeadlineExceeded)
            }
        }
        defer { timer?.cancel() }
        return try await withTaskCancellationHandler {
            // Runs on the loop before any work the cancellation handler queues there.
            try await withCheckedThrowingContinuation { slotLine.enqueue($0, id: id) }
        } onCancel: { [loop] in
            loop.execute { self.leaveSlotQueue(id, throwing: RPCError(.cancelled, "the call was cancelled")) }
        }
    }

    /// Takes waiter `id` out of the line, if still in it, and fails its wait.
    private func leaveSlotQueue(_ id: UInt64, throwing error: RPCError) {
        slotLine.remove(id)?.resume(throwing: error)
    }

    /// Resumes every waiter, each to look at the connection again.
    private func resumeSlotWaiters(throwing error: RPCError? = nil) {
        for waiter in slotLine.removeAll() {
            if let error { waiter.resume(throwing: error) } else { waiter.resume(returning: false) }
        }
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
        if !isSecure && !core.hasPeerSettings && Self.startsLikeTLS(buffer) {
            closeReason = "the server speaks TLS: connect with TLS (aura-rpc --tls)"
            channel.close()
            return
        }
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
        let message = closeReason ?? channel.securityFailure ?? (isSecure || core.hasPeerSettings ? Self.closed : Self.closedSilently)
        closedError = RPCError(.unavailable, message)
        core.transportClosed(RPCError(.unavailable, message))
        for call in Array(calls.values) { call.end(CallTrailers(code: .unavailable, message: message)) }
        resumeSlotWaiters(throwing: RPCError(.unavailable, message))
    }

    private static let closed = "the connection to the server closed"
    /// A plaintext AuraRPC server always sends its SETTINGS first; a TLS server refuses a
    /// plaintext client without a word (OpenSSL sends no alert for a record that is not TLS).
    private static let closedSilently =
        "the server closed the connection before sending its SETTINGS: if it speaks TLS, connect with TLS (aura-rpc --tls)"

    /// A TLS record (handshake or alert, version 3.x) where the server's SETTINGS should be.
    private static func startsLikeTLS(_ buffer: ByteBuffer) -> Bool {
        guard buffer.readableBytes >= 2, let type = buffer.getInteger(at: 0, as: UInt8.self),
              let major = buffer.getInteger(at: 1, as: UInt8.self) else { return false }
        return (type == 0x15 || type == 0x16) && major == 0x03
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
        resumeSlotWaiters()  // they retry on a new connection
    }

    func pingAcknowledged(_ data: UInt64) {}

    func connectionFailed(_ error: WireError) {}

    func peerSettingsReceived() {
        resumeSlotWaiters()  // each checks the server's limit again
    }
}
