import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// aura.TestService's call shapes over a real connection: unary of every size, client and
    /// server streaming, full duplex, and the request-count and method-name rules.
    @Suite struct Conformance {
        @Test func emptyUnary() async throws {
            try await TestServer.bounded { harness in
                let reply = try await harness.client.unary(Method.empty, Empty(), as: Empty.self)
                #expect(reply == Empty())
            }
        }

        @Test(arguments: [0, 1, 64 * 1024])
        func unaryResponseOfSize(_ size: Int) async throws {
            try await TestServer.bounded { harness in
                let request = SimpleRequest(responseSize: Int32(size), payload: Payload(size: size))
                let reply = try await harness.client.unary(Method.unary, request, as: SimpleResponse.self)
                #expect(reply.size == size)
            }
        }

        /// Messages larger than the 1 MiB stream window: they cannot arrive whole unless the
        /// receiver returns credit for fragments of a message it is still assembling.
        @Test(
            arguments: [1024 * 1024, 4 * 1024 * 1024 - 64])
        func largeUnaryResponse(_ size: Int) async throws {
            try await TestServer.bounded { harness in
                let reply = try await harness.client.unary(
                    Method.unary, SimpleRequest(responseSize: Int32(size)), as: SimpleResponse.self)
                #expect(reply.size == size)
            }
        }

        @Test(
            arguments: [1024 * 1024, 4 * 1024 * 1024 - 64])
        func largeUnaryRequest(_ size: Int) async throws {
            try await TestServer.bounded { harness in
                let request = SimpleRequest(responseSize: 1, payload: Payload(size: size))
                let reply = try await harness.client.unary(Method.unary, request, as: SimpleResponse.self)
                #expect(reply.size == 1)
            }
        }

        /// With a stream window larger than the message, large messages go through: what the
        /// two tests above lack is credit for a message still being assembled.
        @Test(arguments: [1024 * 1024, 4 * 1024 * 1024 - 64])
        func largeUnaryWithWindowsLargerThanTheMessage(_ size: Int) async throws {
            try await TestServer.bounded(configure: { $0.settings.initialStreamWindow = 8 << 20 }) { harness in
                var configuration = ClientConfiguration()
                configuration.settings.initialStreamWindow = 8 << 20
                try await harness.withClient(configuration: configuration) { client in
                    let request = SimpleRequest(responseSize: Int32(size), payload: Payload(size: size))
                    let reply = try await client.unary(Method.unary, request, as: SimpleResponse.self)
                    #expect(reply.size == size)
                }
            }
        }

        /// Small frames and windows on both sides: every shape still completes, with credit
        /// flowing back many times per call.
        @Test func smallFramesAndWindows() async throws {
            try await TestServer.bounded(configure: {
                $0.settings.maxFrameSize = 16_384
                $0.settings.initialStreamWindow = 64 * 1024
                $0.settings.connectionWindow = 128 * 1024
            }) { harness in
                var configuration = ClientConfiguration()
                configuration.settings.maxFrameSize = 16_384
                configuration.settings.initialStreamWindow = 64 * 1024
                configuration.settings.connectionWindow = 128 * 1024
                try await harness.withClient(configuration: configuration) { client in
                    let reply = try await client.unary(
                        Method.unary, SimpleRequest(responseSize: 60_000, payload: Payload(size: 60_000)), as: SimpleResponse.self)
                    #expect(reply.size == 60_000)

                    let upload: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> = try await client.makeCall(Method.streamingInput)
                    for _ in 0..<40 { try await upload.send(StreamingInputCallRequest(payload: Payload(size: 50_000))) }
                    await upload.closeSend()
                    #expect(try await upload.response().message.aggregatedPayloadSize == 2_000_000)

                    let download: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> = try await client.serverStreaming(
                        Method.streamingOutput,
                        StreamingOutputCallRequest(responseParameters: Array(repeating: ResponseParameters(size: 50_000), count: 40)))
                    var total = 0
                    for try await response in download.responses { total += response.size }
                    #expect(total == 2_000_000)
                }
            }
        }

        @Test func clientStreamingAggregatesSizes() async throws {
            try await TestServer.bounded { harness in
                let sizes = [27_182, 8, 1_828, 45_904, 0, 200_000]
                let call: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> =
                    try await harness.client.makeCall(Method.streamingInput)
                for size in sizes { try await call.send(StreamingInputCallRequest(payload: Payload(size: size))) }
                await call.closeSend()
                let reply = try await call.response()
                #expect(reply.message.aggregatedPayloadSize == Int64(sizes.reduce(0, +)))
            }
        }

        @Test func clientStreamingFromAsyncSequence() async throws {
            try await TestServer.bounded { harness in
                let requests = AsyncStream<StreamingInputCallRequest> { continuation in
                    for size in 1...50 { continuation.yield(StreamingInputCallRequest(payload: Payload(size: size * 100))) }
                    continuation.finish()
                }
                let reply = try await harness.client.clientStreaming(
                    Method.streamingInput, requests: requests, as: StreamingInputCallResponse.self)
                #expect(reply.message.aggregatedPayloadSize == Int64((1...50).reduce(0, +) * 100))
            }
        }

        /// More than the stream window in total, in messages each smaller than it.
        @Test func clientStreamingBeyondTheWindow() async throws {
            try await TestServer.bounded { harness in
                let call: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> =
                    try await harness.client.makeCall(Method.streamingInput)
                for _ in 0..<40 { try await call.send(StreamingInputCallRequest(payload: Payload(size: 100_000))) }
                await call.closeSend()
                let reply = try await call.response()
                #expect(reply.message.aggregatedPayloadSize == 4_000_000)
            }
        }

        @Test func serverStreamingSizesAndIntervals() async throws {
            try await TestServer.bounded { harness in
                let sizes: [Int32] = [31_415, 9, 2_653, 58_979, 0, 100_000]
                let request = StreamingOutputCallRequest(
                    responseParameters: sizes.enumerated().map { ResponseParameters(size: $1, intervalUs: Int32($0 % 2) * 20_000) })
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, request)
                var received: [Int] = []
                for try await response in call.responses { received.append(response.size) }
                #expect(received == sizes.map(Int.init))
                #expect(await call.status().code == .ok)
            }
        }

        /// More than the stream and connection windows in total: credit must flow back.
        @Test func serverStreamingBeyondTheWindows() async throws {
            try await TestServer.bounded { harness in
                let request = StreamingOutputCallRequest(
                    responseParameters: Array(repeating: ResponseParameters(size: 500_000), count: 40))
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, request)
                var total = 0
                var count = 0
                for try await response in call.responses {
                    total += response.size
                    count += 1
                }
                #expect(count == 40)
                #expect(total == 20_000_000)
            }
        }

        @Test func fullDuplexPingPong() async throws {
            try await TestServer.bounded { harness in
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.makeCall(Method.fullDuplex)
                var responses = call.responses.makeAsyncIterator()
                for size in [31_415, 9, 2_653, 58_979, 1, 0] {
                    try await call.send(StreamingOutputCallRequest(responseParameters: [ResponseParameters(size: Int32(size))]))
                    let response = try await responses.next()
                    #expect(response?.size == size)
                }
                await call.closeSend()
                #expect(try await responses.next() == nil)
                #expect(await call.status().code == .ok)
            }
        }

        @Test func emptyStream() async throws {
            try await TestServer.bounded { harness in
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.makeCall(Method.fullDuplex)
                await call.closeSend()
                var count = 0
                for try await _ in call.responses { count += 1 }
                #expect(count == 0)
                #expect(await call.status().code == .ok)
            }
        }

        @Test func unknownMethodIsUnimplemented() async throws {
            try await TestServer.bounded { harness in
                for method in ["aura.TestService/NoSuchMethod", "no.such.Service/Call", "", "/"] {
                    await expectRPCError(.unimplemented) {
                        _ = try await harness.client.unary(method, Empty(), as: Empty.self)
                    }
                }
                try await harness.expectServing()
            }
        }

        @Test func methodNameWithLeadingSlash() async throws {
            try await TestServer.bounded { harness in
                let reply = try await harness.client.unary("/" + Method.unary, SimpleRequest(responseSize: 3), as: SimpleResponse.self)
                #expect(reply.size == 3)
            }
        }

        @Test func unaryWithoutARequestIsInvalidArgument() async throws {
            try await TestServer.bounded { harness in
                let none: RPCCall<SimpleRequest, SimpleResponse> = try await harness.client.makeCall(Method.unary)
                await none.closeSend()
                #expect(await none.status().code == .invalidArgument)

                let two: RPCCall<SimpleRequest, SimpleResponse> = try await harness.client.makeCall(Method.unary)
                try await two.send(SimpleRequest())
                try await two.send(SimpleRequest(), endStream: true)
                #expect(await two.status().code == .invalidArgument)
                try await harness.expectServing()
            }
        }
    }
}
