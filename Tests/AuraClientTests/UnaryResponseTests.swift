import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

/// A unary call holds its one response without a queue (`ClientCall.singleResponse`): what it
/// does when the server sends more than one response, or none.
@Suite struct UnaryResponseTests {
    static let streamingOutput = "aura.TestService/StreamingOutputCall"

    /// Responses past the first are dropped and their credit goes back: 40 responses of 64 KiB
    /// are 2.5 times the stream's 1 MiB window, so withheld credit would stall the server and
    /// the call would never end.
    @Test func laterResponsesAreDroppedAndTheirCreditReturned() async throws {
        try await ClientTestServer.run { harness in
            let sizes = [7] + Array(repeating: 64 * 1024, count: 39)
            let request = StreamingOutputCallRequest(responseParameters: sizes.map { ResponseParameters(size: Int32($0)) })
            let reply = try await harness.client.unary(Self.streamingOutput, request, as: StreamingOutputCallResponse.self)
            #expect(reply.payload.body.readableBytes == 7)
            // The connection still serves calls afterwards.
            let again = try await harness.client.unary(Self.streamingOutput, request, as: StreamingOutputCallResponse.self)
            #expect(again.payload.body.readableBytes == 7)
        }
    }

    /// A successful call without a response is INTERNAL for a unary caller.
    @Test func aCallWithoutAResponseIsInternal() async throws {
        try await ClientTestServer.run { harness in
            let code = await rpcErrorCode {
                _ = try await harness.client.unary(
                    Self.streamingOutput, StreamingOutputCallRequest(), as: StreamingOutputCallResponse.self)
            }
            #expect(code == .internal)
        }
    }
}
