import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import TestSupport
import Testing

extension TestServer {
    /// Like `run`, but the body must finish within `limit` (a hung call fails the test instead
    /// of hanging the suite), and the server and client are stopped either way. The bound is a
    /// hang guard, not a speed target: it is stretched threefold, since the whole suite running
    /// in parallel on a loaded 2-core machine can starve one test for many seconds.
    static func bounded(
        _ limit: Duration = .seconds(5),
        configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
        extraServices: [any Service] = [],
        _ body: @escaping @Sendable (TestServer) async throws -> Void
    ) async throws {
        // The outer bound also covers start-up and stopping.
        try await withTimeout(limit * 3 + .seconds(5), "server start, test body and shutdown") {
            try await TestServer.run(configure: configure, extraServices: extraServices) { harness in
                try await withTimeout(limit * 3) { try await body(harness) }
            }
        }
    }

    /// A second client to the same server, shut down after `body`.
    func withClient<T: Sendable>(
        configuration: ClientConfiguration = ClientConfiguration(),
        _ body: @Sendable (AuraClient) async throws -> T
    ) async throws -> T {
        let other = AuraClient(address: address, configuration: configuration)
        do {
            let result = try await body(other)
            await other.shutdown()
            return result
        } catch {
            await other.shutdown()
            throw error
        }
    }

    /// One plain call that must succeed: proof that the server still serves.
    func expectServing(_ client: AuraClient? = nil, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let reply = try await (client ?? self.client).unary(
            Method.unary, SimpleRequest(responseSize: 100), as: SimpleResponse.self)
        #expect(reply.payload.body.readableBytes == 100, sourceLocation: sourceLocation)
    }
}

extension TestServer {
    /// Starts a call with one request on the harness client and returns once the server has
    /// read that request: a round trip on the same connection after it proves so, since the
    /// server reads frames in order. Replaces "sleep a little and hope" before a cancel or a
    /// shutdown.
    func startCall<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, options: CallOptions = CallOptions()
    ) async throws -> RPCCall<Request, Response> {
        let call: RPCCall<Request, Response> = try await client.makeCall(method, options: options)
        try await call.send(request, endStream: true)
        _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
        return call
    }
}

/// The conformance methods' full names.
enum Method {
    static let empty = "aura.TestService/EmptyCall"
    static let unary = "aura.TestService/UnaryCall"
    static let streamingInput = "aura.TestService/StreamingInputCall"
    static let streamingOutput = "aura.TestService/StreamingOutputCall"
    static let fullDuplex = "aura.TestService/FullDuplexCall"
    static let sleep = "aura.TestService/Sleep"
    static let healthCheck = "aura.Health/Check"
}

/// Runs `body`, which must throw an `RPCError` with `code`; returns that error.
@discardableResult
func expectRPCError(
    _ code: StatusCode, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> RPCError? {
    do {
        try await body()
        Issue.record("expected \(code.name), but the call succeeded", sourceLocation: sourceLocation)
        return nil
    } catch let error as RPCError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected RPCError \(code.name), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// A response of the conformance service that carries a payload.
protocol PayloadResponse {
    var payload: Payload { get }
}

extension SimpleResponse: PayloadResponse {}
extension StreamingOutputCallResponse: PayloadResponse {}

extension PayloadResponse {
    /// The size of the response's payload (0 when the server left the payload out).
    var size: Int { payload.body.readableBytes }
}
