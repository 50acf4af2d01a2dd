import AuraBytes
import AuraEventLoop
import AuraWire

/// A call in progress, of any shape: send requests, read responses, learn the status.
///
/// Methods may be called from any task; they run on the client's event loop.
public final class RPCCall<Request: ProtoMessage, Response: ProtoMessage>: Sendable {
    private let call: ClientCall
    private let loop: ClientLoop

    init(_ call: ClientCall, loop: ClientLoop) {
        self.call = call
        self.loop = loop
    }

    /// Sends one request; waits while the server's flow-control credit is used up. With
    /// `endStream`, it is the last one.
    public func send(_ request: Request, endStream: Bool = false) async throws {
        let bytes = request.encoded()
        try await loop.run { try await call.send(bytes, endStream: endStream) }
    }

    /// Tells the server no more requests come.
    public func closeSend() async {
        _ = try? await loop.run { call.closeSend() }
    }

    /// The responses as they arrive; the sequence ends after the last one of a successful
    /// call and throws the call's error otherwise.
    public var responses: ResponseStream<Response> { ResponseStream(call: call, loop: loop) }

    /// The single response of a unary or client-streaming call, with the server's metadata.
    public func response() async throws -> UnaryResponse<Response> {
        let reply = try await loop.run { try await call.singleResponse() }
        return UnaryResponse(message: try decodeResponse(reply.message), metadata: reply.metadata)
    }

    /// The server's initial metadata (empty until it arrives).
    public func initialMetadata() async -> Metadata {
        (try? await loop.run { call.initialMetadata }) ?? Metadata()
    }

    /// Waits for the call to end and returns its status and trailing metadata.
    public func status() async -> CallTrailers {
        (try? await loop.run { await call.status() }) ?? CallTrailers(code: .unavailable, message: "the client was shut down")
    }

    /// Cancels the call: the server's handler sees the cancellation.
    public func cancel() {
        guard !loop.isShutDown else { return }
        loop.loop.execute { [call] in call.cancel(RPCError(.cancelled, "cancelled by the client")) }
    }

}

/// The responses of a call, as an async sequence.
public struct ResponseStream<Response: ProtoMessage>: AsyncSequence, Sendable {
    public typealias Element = Response
    let call: ClientCall
    let loop: ClientLoop

    /// Iterates over the responses.
    public struct AsyncIterator: AsyncIteratorProtocol {
        let call: ClientCall
        let loop: ClientLoop

        /// The next response, or nil after the last one of a successful call.
        public mutating func next() async throws -> Response? {
            let call = call
            guard let bytes = try await loop.run({ try await call.nextResponse() }) else {
                return nil
            }
            return try decodeResponse(bytes)
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(call: call, loop: loop) }
}

@inlinable
func decodeResponse<Response: ProtoMessage>(_ bytes: ByteBuffer) throws(RPCError) -> Response {
    do {
        return try Response(decoding: bytes)
    } catch {
        throw RPCError(.internal, "response does not decode as \(Response.self): \(error)")
    }
}
