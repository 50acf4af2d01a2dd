import AuraBytes
import AuraEventLoop
import AuraWire

/// The raw request messages of a client-streaming or bidirectional call with their wire sizes,
/// queued until the handler takes them; taking one returns its flow-control credit, so a handler
/// that stops reading stops the client.
typealias CallInbox = LoopAsyncQueue<(message: ByteBuffer, wireSize: Int)>

extension LoopAsyncQueue where Element == (message: ByteBuffer, wireSize: Int) {
    /// The next request message, or nil once the client ended its half.
    func nextMessage() async throws -> ByteBuffer? { try await next()?.message }
}

/// Decodes a message, turning a decoding error into INVALID_ARGUMENT.
func decode<Message: ProtoMessage>(_ buffer: ByteBuffer, as type: Message.Type) throws(RPCError) -> Message {
    do {
        return try Message(decoding: buffer)
    } catch {
        throw RPCError(.invalidArgument, "message does not decode as \(Message.self): \(error)")
    }
}
