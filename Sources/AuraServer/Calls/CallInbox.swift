import AuraBytes
import AuraEventLoop
import AuraWire

/// The raw request messages of one call with their wire sizes, queued until the handler takes
/// them; taking one returns its flow-control credit, so a handler that stops reading stops the
/// client.
typealias CallInbox = LoopAsyncQueue<(message: ByteBuffer, wireSize: Int)>

extension LoopAsyncQueue where Element == (message: ByteBuffer, wireSize: Int) {
    /// The next request message, or nil once the client ended its half.
    func nextMessage() async throws -> ByteBuffer? { try await next()?.message }

    /// The one request of a unary or server-streaming call, decoded.
    func single<Request: ProtoMessage>(_ type: Request.Type) async throws -> Request {
        guard count == 1, isClosed, let message = try await nextMessage() else {
            throw RPCError(.invalidArgument, "expected exactly one request message, got \(count)")
        }
        return try decode(message, as: Request.self)
    }
}

/// Decodes a message, turning a decoding error into INVALID_ARGUMENT.
func decode<Message: ProtoMessage>(_ buffer: ByteBuffer, as type: Message.Type) throws(RPCError) -> Message {
    do {
        return try Message(decoding: buffer)
    } catch {
        throw RPCError(.invalidArgument, "message does not decode as \(Message.self): \(error)")
    }
}
