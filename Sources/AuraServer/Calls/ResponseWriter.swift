import AuraWire

/// Sends the response messages of a server-streaming or bidirectional call.
///
/// `write` returns once the message is queued within the client's flow-control credit; when
/// the client stops reading, it waits, so a slow client slows its handler and memory stays
/// bounded.
public struct ResponseWriter<Response: ProtoMessage>: Sendable {
    let outbox: CallOutbox

    init(_ outbox: CallOutbox) { self.outbox = outbox }

    /// Sends one response, compressed when `compress` says so (or, when nil, as the context's
    /// `compressResponses` says).
    public func write(_ response: Response, compress: Bool? = nil) async throws {
        try await outbox.onLoop { try await outbox.write(response, compress: compress) }
    }
}
