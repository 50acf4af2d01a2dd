import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import Testing

extension Integration {
    /// Client interceptors: metadata they add reaches the server; they see every outcome.
    @Suite struct ClientInterceptors {
        @Test func addsMetadataAndSeesTheOutcome() async throws {
            try await TestServer.bounded(configure: { $0.interceptors = [RequestIDInterceptor()] }) { harness in
                let recorder = RecordingClientInterceptor(rejecting: Method.healthCheck)
                var configuration = ClientConfiguration()
                configuration.interceptors = [recorder]
                try await harness.withClient(configuration: configuration) { client in
                    let request = SimpleRequest(responseSize: 32)
                    let reply = try await client.unaryWithMetadata(
                        Method.unary, request, as: SimpleResponse.self, options: CallOptions(timeout: .seconds(30)))
                    #expect(reply.metadata.initial[TestService.echoInitialKey] == "from-the-interceptor")
                    var (call, outcome) = try #require(await recorder.next())
                    #expect(call.method == Method.unary)
                    #expect(call.peer == harness.address)
                    #expect(call.deadline != nil)
                    #expect(outcome.code == .ok)
                    #expect(outcome.bytesOut == request.encoded().readableBytes)
                    #expect(outcome.bytesIn == SimpleResponse(payload: Payload(size: 32)).encoded().readableBytes)
                    #expect(outcome.trailingMetadata[RequestIDInterceptor.metadataKey]?.count == 16)

                    await expectRPCError(.deadlineExceeded) {
                        _ = try await client.unary(
                            Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self,
                            options: CallOptions(timeout: .milliseconds(50)))
                    }
                    (call, outcome) = try #require(await recorder.next())
                    #expect(call.method == Method.sleep)
                    #expect(outcome.code == .deadlineExceeded)

                    let refused = await expectRPCError(.failedPrecondition) {
                        _ = try await client.unary(Method.healthCheck, Empty(), as: Empty.self)
                    }
                    #expect(refused?.message == "refused by the client")
                }
            }
        }
    }
}
