import AuraBytes
import AuraEventLoop
import AuraWire

/// One call on a server connection: its handler's task, its request inbox, its response
/// outbox and its deadline. Loop-confined.
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
    let context: ServerContext
    unowned let connection: ServerConnection
    var loop: EventLoop { connection.channel.eventLoop }
    private(set) var state = State.awaitingRequest
    private(set) lazy var inbox = CallInbox(
        loop: loop, cancellationError: { RPCError(.cancelled, "the call was cancelled") }
    ) { [unowned self] taken in
        connection.core.messageConsumed(id, wireSize: taken.wireSize)
        connection.flush()
    }
    private(set) lazy var outbox = CallOutbox(call: self)
    private var deadlineTimer: Scheduled?
    private var sentHeaders = false

    init(id: UInt32, handler: MethodHandler, context: ServerContext, connection: ServerConnection) {
        self.id = id
        self.handler = handler
        self.context = context
        self.connection = connection
    }

    /// Starts the deadline timer and, for streaming requests, the handler.
    func start() {
        if let deadline = context.deadline {
            let delay = ContinuousClock.now.duration(to: deadline)
            deadlineTimer = loop.schedule(after: delay) { [weak self] in
                self?.fail(RPCError(.deadlineExceeded, "the call's deadline passed"))
            }
        }
        if !handler.kind.takesSingleRequest { run() }
    }

    /// The client ended its half; a unary or server-streaming handler can start now.
    func inboundClosed() {
        inbox.finish()
        if case .awaitingRequest = state { run() }
    }

    private func run() {
        let handler = handler, inbox = inbox, outbox = outbox, context = context
        state = .running(Task(executorPreference: loop) { [self] in
            let status: CallTrailers
            do {
                try await handler.run(inbox, outbox, context)
                status = CallTrailers(code: .ok, metadata: context.trailingMetadata)
            } catch {
                var failure = RPCError(wrapping: error)
                for entry in context.trailingMetadata { failure.metadata.add(entry.key, bytes: entry.value) }
                status = CallTrailers(error: failure)
            }
            self.finish(status)
        })
    }

    /// Sends one encoded response; returns whether the stream can take more right away.
    func send(_ message: ByteBuffer, compress: Bool) throws(RPCError) -> Bool {
        loop.assertInEventLoop()
        guard case .running = state else { throw RPCError(.cancelled, "the call has ended") }
        sendHeadersIfNeeded(compress: compress)
        let drained = try connection.core.sendMessage(id, message, compress: compress)
        connection.flush()
        return drained && connection.channel.isWritable
    }

    private func sendHeadersIfNeeded(compress: Bool) {
        guard !sentHeaders else { return }
        sentHeaders = true
        guard !context.initialMetadata.isEmpty || compress else { return }
        connection.core.sendHeaders(id, CallHeaders(
            metadata: context.initialMetadata, messageEncoding: compress ? MessageEncoding.deflate.rawValue : ""))
    }

    /// The stream or socket may take more: resume a waiting writer only when this stream's
    /// queue is empty and the socket writable, so a stream stalled on flow control stays put.
    func writable() {
        guard connection.core.queuedBytes(id) == 0, connection.channel.isWritable else { return }
        outbox.resume()
    }

    /// The handler finished: send the status.
    private func finish(_ trailers: CallTrailers) {
        guard case .running = state else { return }
        state = .finished
        deadlineTimer?.cancel()
        inbox.discardRemaining()  // requests the handler left unread still give back their credit
        sendHeadersIfNeeded(compress: false)
        connection.core.sendTrailers(id, trailers)
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
        inbox.fail(error)
        outbox.fail(error)
        task?.cancel()
        if notifyPeer { connection.core.failStream(id, error) }
        connection.callEnded(id)
    }
}
