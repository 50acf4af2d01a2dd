import AuraEventLoop
import AuraWire

/// The request messages of a client-streaming or bidirectional call, as they arrive.
///
/// Iterate with `for try await request in requests`; the loop ends when the client ends its
/// half and throws if the call fails or is cancelled.
public struct RequestStream<Request: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Request
    let inbox: CallInbox
    let loop: EventLoop

    init(_ inbox: CallInbox, loop: EventLoop) {
        self.inbox = inbox
        self.loop = loop
    }

    /// Iterates over the requests.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let inbox: CallInbox
        let loop: EventLoop

        /// The next request, or nil once the client is done. Runs on the call's event loop,
        /// hopping there when iterated from another task.
        public mutating func next() async throws -> Request? {
            let inbox = inbox
            let message = try await loop.runForCall { try await inbox.nextMessage() }
            guard let message else { return nil }
            return try decode(message, as: Request.self)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inbox: inbox, loop: loop) }
}
