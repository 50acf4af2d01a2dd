import AuraClient
import AuraConformance
import AuraMessages
import Testing

extension Integration {
    /// Responses that arrived before a connection went away stay readable after the client has
    /// let go of the connection (the server was killed, or `close()`): reading one gives flow
    /// control credit back, and that must not touch the freed connection.
    @Suite struct ResponsesAfterTheConnectionIsGone {
        @Test func bufferedResponsesAreReadAfterTheClientClosedTheConnection() async throws {
            try await TestServer.bounded(.seconds(8)) { harness in
                let request = StreamingOutputCallRequest(responseParameters: Array(repeating: ResponseParameters(size: 100), count: 5))
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, request)
                #expect(await call.status().code == .ok)  // every response has arrived, none is read
                await harness.client.close()
                try await harness.expectServing()  // a new connection: the old one is gone
                var sizes: [Int] = []
                for try await response in call.responses { sizes.append(response.payload.body.readableBytes) }
                #expect(sizes == Array(repeating: 100, count: 5))
            }
        }
    }
}
