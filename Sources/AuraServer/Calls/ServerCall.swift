import AuraBytes
import AuraEventLoop
import AuraTracing
import AuraWire

/// One call on a server connection: its interceptors, its handler's task, its requests (the one
/// request of a unary or server-streaming call, or the inbox of a streaming one), its writer
/// waiting for credit, and its deadline. Loop-confined.
final class ServerCall: @unchecked Sendable {  // loop-confined (asserted in `send`, `fail`)
    /// Where the call is in its life.
    enum State {
        /// Waiting for the single request of a unary or server-streaming call.
        case awaitingRequest
        /// The handler runs.
        case running(Task<Void, Never>)
        /// The call ended; late events are ignored.
        case finished
    }

    let id: UInt32
    let handler: MethodHandler
    // The state below is touched on the loop thread only; the one access held across a call out
    // is the interceptors' turn at `observers` and `context`, which never reach back into the call.
    // `@exclusivity(unchecked)` spares each access a run-time check.
    @exclusivity(unchecked) private(set) var context: ServerContext
    /// Strong: a call's task, and a writer its handler keeps, may outlive the connection's
    /// channel; the connection lets go of the call when the call ends (`callEnded`, or every
    /// call when the channel closes), which breaks the cycle.
    let connection: ServerConnection
    /// The call's event loop (from its context: no detour through the connection's channel).
    var loop: EventLoop { context.facts.loop }
    @exclusivity(unchecked) private(set) var state = State.awaitingRequest
    /// The requests of a client-streaming or bidirectional call, as they come.
    private(set) lazy var inbox = CallInbox(
        loop: loop, cancellationError: { RPCError(.cancelled, "the call was cancelled") }
    ) { [unowned self] taken in
        connection.messageTaken(id, taken.message, wireSize: taken.wireSize)
    }
    /// The request of a unary or server-streaming call, held until its handler takes it (with
    /// no queue, continuation or closure for one message), and how many came: more than one is
    /// the handler's INVALID_ARGUMENT.
    @exclusivity(unchecked) private var singleRequest: (message: ByteBuffer, wireSize: Int)?
    @exclusivity(unchecked) private var requestCount = 0
    /// The wire size of the requests past the first, dropped unread: their credit comes back
    /// with the first's, so the client's window still bounds what it sends.
    @exclusivity(unchecked) private var surplusWireSize = 0
    /// A handler waiting in `CallOutbox.write` for the stream to take more.
    @exclusivity(unchecked) private var writableWaiter: CheckedContinuation<Void, any Error>?
    @exclusivity(unchecked) private var deadlineTimer: Scheduled?
    @exclusivity(unchecked) private var sentHeaders = false
    @exclusivity(unchecked) private var observers: CallObservers

    init(id: UInt32, handler: MethodHandler, context: ServerContext, connection: ServerConnection) {
        self.id = id
        self.handler = handler
        self.context = context
        self.connection = connection
        observers = CallObservers(interceptors: connection.configuration.interceptors)
    }

    /// Runs the interceptors, then starts the deadline timer and, for streaming requests, the
    /// handler.
    func start() {
        do {
            try observers.start(&context)
        } catch {
            finish(CallTrailers(error: error))
            return
        }
        if let deadline = context.facts.deadline {
            let delay = ContinuousClock.now.duration(to: deadline)
            // Held strongly: `finish` and `fail`, the only ways a call ends, cancel the timer,
            // which releases it at once. (A weak capture gave every call a side table, and its
            // release took the runtime's slow path: 3,900 instructions a call.)
            deadlineTimer = loop.schedule(after: delay) { [self] in
                fail(RPCError(.deadlineExceeded, "the call's deadline passed"))
            }
        }
        if !handler.kind.takesSingleRequest { run() }
    }

    /// A request message arrived.
    func received(_ message: ByteBuffer, wireSize: Int) {
        observers.bytesIn += message.readableBytes
        guard handler.kind.takesSingleRequest else { return inbox.append((message, wireSize)) }
        requestCount += 1
        if requestCount == 1 {
            singleRequest = (message, wireSize)
        } else {
            connection.messageDropped(message)
            surplusWireSize += wireSize
        }
    }

    /// The client ended its half; a unary or server-streaming handler can start now.
    func inboundClosed() {
        guard handler.kind.takesSingleRequest else { return inbox.finish() }
        if case .awaitingRequest = state { run() }
    }

    /// Takes the one request of a unary or server-streaming call, giving its credit back.
    /// INVALID_ARGUMENT when the client sent none or more than one.
    private func takeSingleRequest() throws(RPCError) -> ByteBuffer {
        let count = requestCount
        guard let request = releaseSingleRequest(), count == 1 else {
            throw RPCError(.invalidArgument, "expected exactly one request message, got \(count)")
        }
        return request
    }

    /// Gives back the credit of every request that came, and the memory of the one held;
    /// returns that one.
    @discardableResult
    private func releaseSingleRequest() -> ByteBuffer? {
        if surplusWireSize > 0 {
            connection.creditReturned(id, wireSize: surplusWireSize)
            surplusWireSize = 0
        }
        guard let request = singleRequest else { return nil }
        singleRequest = nil
        connection.messageTaken(id, request.message, wireSize: request.wireSize)
        return request.message
    }

    private func run() {
        state = .running(Task(executorPreference: loop) { [self] in
            do {
                try self.checkRunning()
                if self.connection.memory.isPaused { try await self.connection.waitForMemory(self.id) }
                try await self.runHandler()
                self.finish(CallTrailers(code: .ok))
            } catch {
                self.finish(CallTrailers(error: self.status(for: error)))
            }
        })
    }

    /// Runs the handler, as the current span of its task when the call is traced.
    @inline(__always)  // one task frame and executor check fewer per call
    private func runHandler() async throws {
        let body = handler.body, outbox = CallOutbox(call: self), context = context
        switch body {
        case .single(let body):
            let request = try takeSingleRequest()
            guard let trace = context.trace else { return try await body(request, outbox, context) }
            try await TraceContext.$current.withValue(trace) { try await body(request, outbox, context) }
        case .streaming(let body):
            let inbox = inbox
            guard let trace = context.trace else { return try await body(inbox, outbox, context) }
            try await TraceContext.$current.withValue(trace) { try await body(inbox, outbox, context) }
        }
    }

    /// Throws when the call ended before its task ran: it must not wait for memory, nor touch
    /// its connection, which may have closed. (The wait itself is awaited only when the
    /// connection is paused: an `await` costs a task switch, on every call.)
    private func checkRunning() throws {
        guard case .running = state else { throw CancellationError() }
    }

    /// What the client learns of a handler's error: an `RPCError` as thrown; anything else is
    /// INTERNAL with a generic message and the request id, the detail going to the log only.
    private func status(for error: any Error) -> RPCError {
        if let error = error as? RPCError { return error }
        if error is CancellationError { return RPCError(.cancelled, "cancelled") }
        let reference = context.requestID.map { " (request id \($0))" } ?? ""
        connection.configuration.logger.log(.error, "\(context.method) from \(context.peer)\(reference) failed: \(String(reflecting: error))")
        return RPCError(.internal, "internal error\(reference)")
    }

    /// Sends one encoded response; returns whether the stream can take more right away.
    func send(_ message: ByteBuffer, compress: Bool) throws(RPCError) -> Bool {
        loop.assertInEventLoop()
        guard case .running = state else { throw RPCError(.cancelled, "the call has ended") }
        sendHeadersIfNeeded(compress: compress)
        observers.bytesOut += message.readableBytes
        let drained = try connection.core.sendMessage(id, message, compress: compress)
        connection.flush()
        return drained && connection.channel.isWritable
    }

    private func sendHeadersIfNeeded(compress: Bool) {
        guard !sentHeaders else { return }
        sentHeaders = true
        let metadata = context.facts.initialMetadata
        guard !metadata.isEmpty || compress else { return }
        connection.core.sendHeaders(id, CallHeaders(
            metadata: metadata, messageEncoding: compress ? MessageEncoding.deflate.rawValue : ""))
    }

    /// Waits until the stream can take more (`writable`), or the call ends (`fail`).
    func waitUntilWritable() async throws {
        let loop = loop
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { writableWaiter = $0 }
        } onCancel: {
            loop.execute { self.fail(RPCError(.cancelled, "the call was cancelled")) }
        }
    }

    /// The stream or socket may take more: resume a waiting writer only when this stream's
    /// queue is empty and the socket writable, so a stream stalled on flow control stays put.
    func writable() {
        guard let waiter = writableWaiter, connection.core.queuedBytes(id) == 0, connection.channel.isWritable else { return }
        writableWaiter = nil
        waiter.resume()
    }

    /// The handler finished, or an interceptor rejected the call: send the status with the
    /// trailing metadata.
    private func finish(_ status: CallTrailers) {
        if case .finished = state { return }
        state = .finished
        deadlineTimer?.cancel()
        releaseRequests()
        sendHeadersIfNeeded(compress: false)
        let trailers = withTrailingMetadata(status)
        connection.core.sendTrailers(id, trailers)
        observers.end(context, trailers)
        connection.callEnded(id)
    }

    /// The call ends abnormally: a deadline, a cancel from the client, a broken stream, a
    /// closed connection. The handler sees its task cancelled.
    func fail(_ error: RPCError, notifyPeer: Bool = true) {
        loop.assertInEventLoop()
        let task: Task<Void, Never>?
        switch state {
        case .finished: return
        case .awaitingRequest: task = nil
        case .running(let running): task = running
        }
        state = .finished
        deadlineTimer?.cancel()
        if handler.kind.takesSingleRequest { releaseSingleRequest() } else { inbox.fail(error) }  // wakes a reader
        if let waiter = writableWaiter {
            writableWaiter = nil
            waiter.resume(throwing: error)
        }
        task?.cancel()
        let trailers = withTrailingMetadata(CallTrailers(error: error))
        if notifyPeer { connection.core.failStream(id, RPCError(trailers.code, trailers.message, metadata: trailers.metadata)) }
        observers.end(context, trailers)
        connection.callEnded(id)
    }

    /// Requests the handler left unread still give back their credit.
    private func releaseRequests() {
        if handler.kind.takesSingleRequest { releaseSingleRequest() } else { inbox.discardRemaining() }
    }

    private func withTrailingMetadata(_ status: CallTrailers) -> CallTrailers {
        var status = status
        status.metadata.add(contentsOf: context.facts.trailingMetadata)
        return status
    }
}
