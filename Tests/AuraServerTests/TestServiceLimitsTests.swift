import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// aura.TestService checks every size, count and interval before it allocates or waits
    /// (issue 12): out of range is INVALID_ARGUMENT, and an echoed status is never OK by accident.
    @Suite struct TestServiceLimitsTests {
        @Test(arguments: [Int32(-1), Int32.min, Int32.max, Int32(4 * 1024 * 1024)])
        func unaryResponseSizeOutOfRange(_ size: Int32) async throws {
            try await TestServer.bounded { harness in
                await expectRPCError(.invalidArgument) {
                    _ = try await harness.client.unary(Method.unary, SimpleRequest(responseSize: size), as: SimpleResponse.self)
                }
            }
        }

        @Test func theLargestResponseFitsTheDefaultMessageLimit() async throws {
            try await TestServer.bounded { harness in
                let size = TestServiceLimits().maxPayloadSize
                let reply = try await harness.client.unary(Method.unary, SimpleRequest(responseSize: Int32(size)), as: SimpleResponse.self)
                #expect(reply.size == size)
                #expect(SimpleResponse(payload: Payload(size: size)).encoded().readableBytes <= TestServiceLimits().maxResponseMessageSize)
            }
        }

        @Test(arguments: [
            [ResponseParameters(size: -5)], [ResponseParameters(size: Int32.max)], [ResponseParameters(size: 1, intervalUs: -1)],
            [ResponseParameters(size: 1, intervalUs: Int32.max)],
            Array(repeating: ResponseParameters(size: 0), count: TestServiceLimits().maxResponsesPerRequest + 1),
            Array(repeating: ResponseParameters(size: 4 * 1024 * 1024 - 12), count: 257),  // over 1 GiB in all
            Array(repeating: ResponseParameters(size: 0, intervalUs: 10_000_000), count: 7),  // 70 s of waiting in all
        ])
        func streamingParametersOutOfRange(_ parameters: [ResponseParameters]) async throws {
            try await TestServer.bounded { harness in
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> = try await harness.client.serverStreaming(
                    Method.streamingOutput, StreamingOutputCallRequest(responseParameters: parameters))
                var responses = 0
                await expectRPCError(.invalidArgument) { for try await _ in call.responses { responses += 1 } }
                #expect(responses == 0, "nothing is sent before the whole request is checked")
            }
        }

        @Test func sleepLongerThanTheLimit() async throws {
            try await TestServer.bounded { harness in
                await expectRPCError(.invalidArgument) {
                    _ = try await harness.client.unary(Method.sleep, SleepRequest(durationMs: .max), as: Empty.self)
                }
            }
        }

        @Test(arguments: [(Int32(-1), StatusCode.unknown), (Int32.min, .unknown), (17, .unknown), (5, .notFound), (16, .unauthenticated)])
        func echoedStatusOutside0To16IsUnknown(_ code: Int32, _ expected: StatusCode) async throws {
            try await TestServer.bounded { harness in
                let error = await expectRPCError(expected) {
                    _ = try await harness.client.unary(
                        Method.unary, SimpleRequest(responseStatus: EchoStatus(code: code, message: "asked")), as: SimpleResponse.self)
                }
                #expect(error?.message == "asked")
            }
        }

        /// A 60 KB method name does not come back as a 60 KB status message.
        @Test func anUnknownMethodsNameComesBackAsAnExcerpt() async throws {
            try await TestServer.bounded { harness in
                let method = "aura.Nothing/" + String(repeating: "m", count: 60_000)  // within the default MAX_FRAME_SIZE
                let error = await expectRPCError(.unimplemented) {
                    _ = try await harness.client.unary(method, Empty(), as: Empty.self)
                }
                #expect((error?.message.utf8.count ?? .max) < 200)
            }
        }
    }
}
