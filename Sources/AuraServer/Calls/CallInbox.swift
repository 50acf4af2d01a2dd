import AuraBytes
import AuraEventLoop
import AuraWire

/// The raw request messages of one call, queued as they arrive until the handler takes them.
///
/// Loop-confined: every method runs on the call's event loop. Taking a message returns its
/// flow-control credit to the client, so a handler that stops reading stops the client.
final class CallInbox: @unchecked Sendable {
    private enum State {
        case open
        case finished
        case failed(RPCError)
    }

    private let loop: EventLoop
    private let consumed: (Int) -> Void
    private var messages: [(message: ByteBuffer, wireSize: Int)] = []
    private var head = 0
    private var state = State.open
    private var waiter: CheckedContinuation<ByteBuffer?, any Error>?

    /// `consumed` is told each message's wire size when the handler takes it.
    init(loop: EventLoop, consumed: @escaping (Int) -> Void) {
        self.loop = loop
        self.consumed = consumed
    }

    /// The number of messages received and not yet taken.
    var count: Int { messages.count - head }

    /// A message arrived.
    func append(_ message: ByteBuffer, wireSize: Int) {
        if let waiter {
            self.waiter = nil
            consumed(wireSize)
            waiter.resume(returning: message)
        } else {
            messages.append((message, wireSize))
        }
    }

    /// The client ended its half: no more messages.
    func finish() {
        guard case .open = state else { return }
        state = .finished
        if let waiter {
            self.waiter = nil
            waiter.resume(returning: nil)
        }
    }

    /// The call failed: a waiting or later `next()` throws `error`.
    func fail(_ error: RPCError) {
        if case .failed = state { return }
        state = .failed(error)
        messages.removeAll()
        head = 0
        if let waiter {
            self.waiter = nil
            waiter.resume(throwing: error)
        }
    }

    /// The next message, or nil once the client ended its half.
    func next() async throws -> ByteBuffer? {
        if head < messages.count {
            let (message, wireSize) = messages[head]
            head += 1
            if head == messages.count {
                messages.removeAll(keepingCapacity: true)
                head = 0
            }
            consumed(wireSize)
            return message
        }
        switch state {
        case .finished: return nil
        case .failed(let error): throw error
        case .open: break
        }
        try Task.checkCancellation()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { waiter = $0 }
        } onCancel: { [loop] in
            loop.execute { self.fail(RPCError(.cancelled, "the call was cancelled")) }
        }
    }

    /// The one request of a unary or server-streaming call, decoded.
    func single<Request: ProtoMessage>(_ type: Request.Type) async throws -> Request {
        guard count == 1, case .finished = state, let message = try await next() else {
            throw RPCError(.invalidArgument, "expected exactly one request message, got \(count)")
        }
        return try decode(message, as: Request.self)
    }
}

/// Decodes a request message, turning a decoding error into INVALID_ARGUMENT.
func decode<Message: ProtoMessage>(_ buffer: ByteBuffer, as type: Message.Type) throws(RPCError) -> Message {
    do {
        return try Message(decoding: buffer)
    } catch {
        throw RPCError(.invalidArgument, "request message does not decode as \(Message.self): \(error)")
    }
}
