import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import Testing

extension Integration {
    /// Server interceptors: rejection, metadata, and the outcome of every call shape.
    @Suite struct ServerInterceptors {
        static let key: Metadata = ["x-api-key": "secret"]

        @Test func aRejectedCallNeverReachesItsHandler() async throws {
            let probe = ProbeService()
            try await TestServer.bounded(configure: { $0.interceptors = [GateInterceptor()] }, extraServices: [probe]) { harness in
                let error = await expectRPCError(.unauthenticated) {
                    _ = try await harness.client.unary("aura.Probe/RequestID", Empty(), as: Empty.self)
                }
                #expect(error?.message == "an API key is required")
                let limited = await expectRPCError(.resourceExhausted) {
                    _ = try await harness.client.unary(
                        GateInterceptor.limited, Empty(), as: Empty.self, options: CallOptions(metadata: Self.key))
                }
                #expect(limited?.metadata["retry-after"] == "2")
                #expect(probe.handledCount == 0)
                _ = try await harness.client.unary(
                    "aura.Probe/RequestID", Empty(), as: Empty.self, options: CallOptions(metadata: Self.key))
                #expect(probe.handledCount == 1)
            }
        }

        /// An unknown method is rejected like any other: the client learns nothing about which
        /// methods exist.
        @Test func anUnknownMethodGoesThroughTheInterceptors() async throws {
            try await TestServer.bounded(configure: { $0.interceptors = [GateInterceptor()] }) { harness in
                await expectRPCError(.unauthenticated) {
                    _ = try await harness.client.unary("aura.Nope/Nothing", Empty(), as: Empty.self)
                }
                await expectRPCError(.unimplemented) {
                    _ = try await harness.client.unary(
                        "aura.Nope/Nothing", Empty(), as: Empty.self, options: CallOptions(metadata: Self.key))
                }
            }
        }

        @Test func trailingMetadataAddedByAnInterceptorGoesWithEveryStatus() async throws {
            try await TestServer.bounded(configure: { $0.interceptors = [TrailerInterceptor()] }) { harness in
                let reply = try await harness.client.unaryWithMetadata(Method.unary, SimpleRequest(), as: SimpleResponse.self)
                #expect(reply.metadata.trailing["x-intercepted"] == "yes")
                let failure = await expectRPCError(.aborted) {
                    _ = try await harness.client.unary(
                        Method.unary, SimpleRequest(responseStatus: EchoStatus(code: 10, message: "no")), as: SimpleResponse.self)
                }
                #expect(failure?.metadata["x-intercepted"] == "yes")
                // A raw client, so that the status comes from the server's deadline.
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(
                    1, Method.sleep, messages: [SleepRequest(durationMs: 10_000).encoded()],
                    headers: CallHeaders(timeoutMicros: 50_000))
                let late = try #require(try await raw.streamEnd(1))
                #expect(late.code == .deadlineExceeded)
                #expect(late.metadata["x-intercepted"] == "yes")
            }
        }

        @Test func outcomesOfEveryCallShape() async throws {
            let recorder = RecordingInterceptor()
            try await TestServer.bounded(configure: { $0.interceptors = [recorder] }) { harness in
                let client = harness.client
                let request = SimpleRequest(responseSize: 16, payload: Payload(size: 16))
                _ = try await client.unary(Method.unary, request, as: SimpleResponse.self)
                var seen = try #require(await recorder.next())
                #expect(seen.method == Method.unary)
                #expect(seen.outcome.code == .ok)
                #expect(seen.outcome.bytesIn == request.encoded().readableBytes)
                #expect(seen.outcome.bytesOut == SimpleResponse(payload: Payload(size: 16)).encoded().readableBytes)
                #expect(seen.outcome.duration > .zero)

                let inputs = [StreamingInputCallRequest(payload: Payload(size: 100)), StreamingInputCallRequest(payload: Payload(size: 200))]
                let stream = AsyncStream<StreamingInputCallRequest> { continuation in
                    for input in inputs { continuation.yield(input) }
                    continuation.finish()
                }
                _ = try await client.clientStreaming(Method.streamingInput, requests: stream, as: StreamingInputCallResponse.self)
                seen = try #require(await recorder.next())
                #expect(seen.method == Method.streamingInput)
                #expect(seen.outcome.code == .ok)
                #expect(seen.outcome.bytesIn == inputs.map { $0.encoded().readableBytes }.reduce(0, +))

                let output = StreamingOutputCallRequest(responseParameters: [ResponseParameters(size: 10), ResponseParameters(size: 20)])
                let call = try await client.serverStreaming(Method.streamingOutput, output, as: StreamingOutputCallResponse.self)
                for try await _ in call.responses {}
                seen = try #require(await recorder.next())
                #expect(seen.method == Method.streamingOutput)
                #expect(seen.outcome.code == .ok)
                #expect(seen.outcome.bytesOut == [10, 20].map { StreamingOutputCallResponse(payload: Payload(size: $0)).encoded().readableBytes }.reduce(0, +))

                let failing = StreamingOutputCallRequest(
                    responseParameters: [ResponseParameters(size: 5)], responseStatus: EchoStatus(code: 9, message: "bidi fails"))
                let bidi: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> = try await client.makeCall(Method.fullDuplex)
                try await bidi.send(failing, endStream: true)
                #expect(await bidi.status().code == .failedPrecondition)
                seen = try #require(await recorder.next())
                #expect(seen.method == Method.fullDuplex)
                #expect(seen.outcome.code == .failedPrecondition)
                #expect(seen.outcome.message == "bidi fails")
                #expect(seen.outcome.bytesIn == failing.encoded().readableBytes)
                #expect(seen.outcome.bytesOut > 0)
            }
        }

        @Test func outcomesOfDeadlinesAndCancels() async throws {
            let recorder = RecordingInterceptor()
            try await TestServer.bounded(configure: { $0.interceptors = [recorder] }) { harness in
                // A raw client, so that only the server's deadline ends the call.
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(
                    1, Method.sleep, messages: [SleepRequest(durationMs: 10_000).encoded()],
                    headers: CallHeaders(timeoutMicros: 50_000))
                #expect(try await raw.streamEnd(1)?.code == .deadlineExceeded)
                let late = try #require(await recorder.next())
                #expect(late.outcome.code == .deadlineExceeded)
                #expect(late.outcome.duration >= .milliseconds(50))

                let call = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self)
                _ = try #require(await recorder.next())  // startCall's own round trip
                call.cancel()
                let cancelled = try #require(await recorder.next())
                #expect(cancelled.method == Method.sleep)
                #expect(cancelled.outcome.code == .cancelled)
            }
        }
    }
}
