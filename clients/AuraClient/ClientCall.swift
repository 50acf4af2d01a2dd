import AuraBytes
import AuraEventLoop
import AuraWire

/// One call on a client connection: the responses as they arrive, the server's metadata and
/// status, and the sending side's flow control. Loop-confined.
final class ClientCall: @unchecked Sendable {  // loop-confined (asserted in `send`, `end`)
    /// Where the call is in its life.
    enum State {
        /// The stream is open.
        case open
        /// The call ended with this status (OK or not).
        case ended(CallTrailers)
    }

    let id: UInt32
    /// Strong: the caller's `RPCCall` may outlive the connection's channel; the connection lets
    /// go of the call when it ends (`callEnded`), which breaks the cycle.
    let connection: ClientConnection
    // The state below is touched on the loop thread only, by methods that never hold an access
    // across a call out: `@exclusivity(unchecked)` spares each access a run-time check (a
    // thread-local access set), as ByteBuffer's storage does.
    @exclusivity(unchecked) private(set) var state = State.open
    @exclusivity(unchecked) private(set) var initialMetadata = Metadata()
    @exclusivity(unchecked) private var statusWaiters: [CheckedContinuation<CallTrailers, Never>] = []
    @exclusivity(unchecked) private var writableWaiter: CheckedContinuation<Void, any Error>?
    @exclusivity(unchecked) private var deadlineTimer: Scheduled?
    let compressRequests: Bool
    @exclusivity(unchecked) private var observers: ClientCallObservers
    /// The responses waiting for a reader that takes them one by one; made when the first
    /// arrives or a reader asks, unless `singleResponse` asked first.
    @exclusivity(unchecked) private var queue: LoopAsyncQueue<ClientConnection.Response>?
    /// Set by `singleResponse` when it asks before any response came (every unary call): the
    /// response is then held in `heldResponse` and its credit goes back at once, with no queue,
    /// no continuation per message and one wait, for the status.
    @exclusivity(unchecked) private var holdsSingleResponse = false
    @exclusivity(unchecked) private var heldResponse: ByteBuffer?
    /// `singleResponse` waiting for the status (one waiter needs no array). Unsafe: `end`
    /// resumes it exactly once, and a checked one allocates a canary per call.
    @exclusivity(unchecked) private var singleWaiter: UnsafeContinuation<CallTrailers, Never>?

    init(id: UInt32, connection: ClientConnection, options: CallOptions, observers: ClientCallObservers) {
        self.id = id
        self.connection = connection
        self.observers = observers
        compressRequests = options.compressRequests
        if let timeout = options.timeout {
            // Held strongly, as the server's: `end`, the way every call ends, cancels the timer
            // and so releases it (a weak capture gave every call a side table).
            deadlineTimer = connection.loop.schedule(after: timeout) { [self] in
                cancel(RPCError(.deadlineExceeded, "the call's deadline passed"))
            }
        }
    }

    /// Sends one request; waits while the server's flow-control credit is used up.
    nonisolated(nonsending) func send(_ message: ByteBuffer, endStream: Bool) async throws {
        if try !sendNow(message, endStream: endStream) { try await waitUntilWritable() }
    }

    /// Queues one request and returns whether the stream and the socket take more now; when
    /// not, `waitUntilWritable` before sending the next (or before a unary call's response).
    func sendNow(_ message: ByteBuffer, endStream: Bool) throws -> Bool {
        connection.loop.assertInEventLoop()
        if case .ended(let trailers) = state {
            throw trailers.error ?? RPCError(.failedPrecondition, "the call has ended")
        }
        let drained = try connection.core.sendMessage(id, message, compress: compressRequests, endStream: endStream)
        observers.bytesOut += message.readableBytes
        connection.flush()
        return drained && connection.channel.isWritable
    }

    /// Waits until the stream and the socket take more (`writable`), or the call ends.
    nonisolated(nonsending) func waitUntilWritable() async throws {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { writableWaiter = $0 }
        } onCancel: { [loop = connection.loop] in
            loop.execute { self.cancel(RPCError(.cancelled, "the call was cancelled")) }
        }
    }

    /// Ends the sending side.
    func closeSend() {
        guard case .open = state else { return }
        connection.core.sendEndStream(id)
        connection.flush()
    }

    /// The next response, nil after the last of a successful call; throws the call's error.
    nonisolated(nonsending) func nextResponse() async throws -> ByteBuffer? {
        do {
            return try await responses.next()?.message
        } catch {
            if Task.isCancelled { cancel(RPCError(.cancelled, "the call was cancelled")) }
            throw error
        }
    }

    /// Waits for the call's end and returns its status.
    nonisolated(nonsending) func status() async -> CallTrailers {
        if case .ended(let trailers) = state { return trailers }
        return await withCheckedContinuation { statusWaiters.append($0) }
    }

    /// The single response of a unary or client-streaming call and the server's metadata;
    /// throws the call's error, or INTERNAL when a successful call sent no response. Later
    /// responses, which a unary call should not get, are dropped.
    nonisolated(nonsending) func singleResponse() async throws -> UnaryResponse<ByteBuffer> {
        // A second caller (the response already taken, or being waited for) reads the queue:
        // it ends with the call, so it cannot hang.
        if queue != nil || holdsSingleResponse { return try await singleQueuedResponse() }
        holdsSingleResponse = true
        let status = await endStatus()
        if let error = status.error { throw error }
        guard let response = heldResponse else { throw Self.noResponse }
        heldResponse = nil
        return UnaryResponse(message: response, metadata: CallMetadata(initial: initialMetadata, trailing: status.metadata))
    }

    /// `singleResponse` once responses went to the queue (a client-streaming call whose server
    /// answered before the caller asked), or for a second caller.
    private nonisolated(nonsending) func singleQueuedResponse() async throws -> UnaryResponse<ByteBuffer> {
        guard let first = try await nextResponse() else { throw await status().error ?? Self.noResponse }
        let status = await status()
        if let error = status.error { throw error }
        return UnaryResponse(message: first, metadata: CallMetadata(initial: initialMetadata, trailing: status.metadata))
    }

    private static let noResponse = RPCError(.internal, "the server ended the call without a response")

    /// Waits for the call's end; cancelling the task cancels the call.
    private nonisolated(nonsending) func endStatus() async -> CallTrailers {
        if case .ended(let trailers) = state { return trailers }
        return await withTaskCancellationHandler {
            await withUnsafeContinuation { singleWaiter = $0 }
        } onCancel: { [loop = connection.loop] in
            loop.execute { self.cancel(RPCError(.cancelled, "the call was cancelled")) }
        }
    }

    /// A response message arrived.
    func received(_ message: ByteBuffer, wireSize: Int) {
        observers.bytesIn += message.readableBytes
        let response = ClientConnection.Response(message: message, wireSize: wireSize, streamID: id)
        guard holdsSingleResponse else { return responses.append(response) }
        // At most one message is held, so its credit can go back now.
        connection.responseReleased(response)
        if heldResponse == nil { heldResponse = message }
    }

    /// The queue, made on first use; one made after the call ended is finished at once.
    private var responses: LoopAsyncQueue<ClientConnection.Response> {
        if let queue { return queue }
        let made = LoopAsyncQueue<ClientConnection.Response>(
            loop: connection.loop, cancellationError: { RPCError(.cancelled, "the call was cancelled") },
            onRelease: connection.responseReleased)
        queue = made
        if case .ended(let trailers) = state { finish(made, trailers) }
        return made
    }

    private func finish(_ queue: LoopAsyncQueue<ClientConnection.Response>, _ trailers: CallTrailers) {
        if let error = trailers.error {
            queue.finish(throwing: error)  // responses that came before the error stay readable
        } else {
            queue.finish()
        }
    }

    /// The server's initial metadata arrived.
    func headersReceived(_ headers: CallHeaders) { initialMetadata = headers.metadata }

    /// The stream may take more requests: resume a waiting sender only when this stream's queue
    /// is empty and the socket writable.
    func writable() {
        guard connection.core.queuedBytes(id) == 0, connection.channel?.isWritable ?? false else { return }
        guard let waiter = writableWaiter else { return }
        writableWaiter = nil
        waiter.resume()
    }

    /// The call ended with `trailers` from the server (or a local failure).
    func end(_ trailers: CallTrailers) {
        connection.loop.assertInEventLoop()
        guard case .open = state else { return }
        state = .ended(trailers)
        deadlineTimer?.cancel()
        if let queue { finish(queue, trailers) }
        if let error = trailers.error { writableWaiter?.resume(throwing: error) } else { writableWaiter?.resume() }
        writableWaiter = nil
        singleWaiter?.resume(returning: trailers)
        singleWaiter = nil
        for waiter in statusWaiters { waiter.resume(returning: trailers) }
        statusWaiters.removeAll()
        observers.end(trailers)
        connection.callEnded(id)
    }

    /// Ends the call from this side: CANCEL to the server, `error` to whoever waits; responses
    /// not yet read are dropped.
    func cancel(_ error: RPCError) {
        guard case .open = state else { return }
        connection.core.cancelStream(id, code: error.code)
        connection.flush()
        queue?.fail(error)
        heldResponse = nil
        end(CallTrailers(error: error))
    }
}
