import AuraClient
import AuraConformance
import AuraHealth
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// Status codes and metadata travel both ways intact; the health service answers.
    @Suite struct StatusAndMetadata {
        @Test func unaryStatusEcho() async throws {
            try await TestServer.bounded { harness in
                for code in 1...16 {
                    let message = "status \(code) ✓ echoed"
                    let request = SimpleRequest(responseStatus: EchoStatus(code: Int32(code), message: message))
                    let error = await expectRPCError(StatusCode(wireValue: UInt32(code))) {
                        _ = try await harness.client.unary(Method.unary, request, as: SimpleResponse.self)
                    }
                    #expect(error?.message == message)
                }
            }
        }

        @Test func streamingStatusEcho() async throws {
            try await TestServer.bounded { harness in
                for code in 1...16 {
                    let message = "streaming status \(code)"
                    let request = StreamingOutputCallRequest(
                        responseParameters: [ResponseParameters(size: 10)],
                        responseStatus: EchoStatus(code: Int32(code), message: message))
                    let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                        try await harness.client.makeCall(Method.fullDuplex)
                    try await call.send(request, endStream: true)
                    let status = await call.status()
                    #expect(status.code == StatusCode(wireValue: UInt32(code)))
                    #expect(status.message == message)
                }
            }
        }

        /// Responses that arrived before an error status still reach the caller, then the error.
        @Test
        func responsesBeforeAnErrorStatusAreDelivered() async throws {
            try await TestServer.bounded { harness in
                let request = StreamingOutputCallRequest(
                    responseParameters: Array(repeating: ResponseParameters(size: 10), count: 3),
                    responseStatus: EchoStatus(code: Int32(StatusCode.aborted.rawValue), message: "after three"))
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, request)
                #expect(await call.status().code == .aborted)  // everything has arrived
                var count = 0
                await expectRPCError(.aborted) {
                    for try await _ in call.responses { count += 1 }
                }
                #expect(count == 3)
            }
        }

        @Test func unaryMetadataEcho() async throws {
            try await TestServer.bounded { harness in
                let binary: [UInt8] = [0, 1, 0xfe, 0xff, 0x80, 0x0a]
                var metadata = Metadata()
                metadata.add(TestService.echoInitialKey, "initial value")
                metadata.add(TestService.echoTrailingKey, bytes: binary)
                let reply = try await harness.client.unaryWithMetadata(
                    Method.unary, SimpleRequest(responseSize: 5), as: SimpleResponse.self,
                    options: CallOptions(metadata: metadata))
                #expect(reply.message.size == 5)
                #expect(reply.metadata.initial[TestService.echoInitialKey] == "initial value")
                #expect(reply.metadata.trailing.first(TestService.echoTrailingKey)?.value == binary)
                #expect(reply.metadata.initial.first(TestService.echoTrailingKey) == nil)
                #expect(reply.metadata.trailing.first(TestService.echoInitialKey) == nil)
            }
        }

        @Test func metadataEchoWithAnErrorStatus() async throws {
            try await TestServer.bounded { harness in
                var metadata = Metadata()
                metadata.add(TestService.echoInitialKey, "still initial")
                metadata.add(TestService.echoTrailingKey, bytes: [9, 8, 7])
                let call: RPCCall<SimpleRequest, SimpleResponse> =
                    try await harness.client.makeCall(Method.unary, options: CallOptions(metadata: metadata))
                try await call.send(SimpleRequest(responseStatus: EchoStatus(code: 9, message: "no")), endStream: true)
                let status = await call.status()
                #expect(status.code == .failedPrecondition)
                #expect(status.metadata.first(TestService.echoTrailingKey)?.value == [9, 8, 7])
                #expect(await call.initialMetadata()[TestService.echoInitialKey] == "still initial")
            }
        }

        @Test func streamingMetadataEcho() async throws {
            try await TestServer.bounded { harness in
                var metadata = Metadata()
                metadata.add(TestService.echoInitialKey, "streaming")
                metadata.add(TestService.echoTrailingKey, bytes: [1, 2, 3])
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.makeCall(Method.fullDuplex, options: CallOptions(metadata: metadata))
                try await call.send(StreamingOutputCallRequest(responseParameters: [ResponseParameters(size: 3)]), endStream: true)
                var count = 0
                for try await _ in call.responses { count += 1 }
                #expect(count == 1)
                #expect(await call.initialMetadata()[TestService.echoInitialKey] == "streaming")
                #expect(await call.status().metadata.first(TestService.echoTrailingKey)?.value == [1, 2, 3])
            }
        }

        @Test func healthCheck() async throws {
            try await TestServer.bounded { harness in
                for service in ["", "aura.TestService"] {
                    let reply = try await harness.client.unary(
                        Method.healthCheck, HealthCheckRequest(service: service), as: HealthCheckResponse.self)
                    #expect(reply.status == .serving)
                }
                await expectRPCError(.notFound) {
                    _ = try await harness.client.unary(
                        Method.healthCheck, HealthCheckRequest(service: "no.such.Service"), as: HealthCheckResponse.self)
                }
            }
        }
    }
}
