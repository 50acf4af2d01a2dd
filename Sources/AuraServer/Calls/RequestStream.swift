import AuraWire

/// The request messages of a client-streaming or bidirectional call, as they arrive.
///
/// Iterate with `for try await request in requests`; the loop ends when the client ends its
/// half and throws if the call fails or is cancelled.
public struct RequestStream<Request: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Request
    let inbox: CallInbox

    init(_ inbox: CallInbox) { self.inbox = inbox }

    /// Iterates over the requests.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let inbox: CallInbox

        /// The next request, or nil once the client is done.
        public mutating func next() async throws -> Request? {
            guard let message = try await inbox.nextMessage() else { return nil }
            return try decode(message, as: Request.self)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(inbox: inbox) }
}
