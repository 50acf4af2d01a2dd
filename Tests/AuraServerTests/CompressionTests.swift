import AuraBytes
import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// Deflate-compressed requests and responses, through AuraClient and as seen on the wire.
    @Suite struct Compression {
        @Test func compressedRequestsAndResponses() async throws {
            try await TestServer.bounded { harness in
                let options = CallOptions(compressRequests: true)
                for size in [0, 1, 70_000] {
                    let request = SimpleRequest(responseSize: Int32(size), payload: Payload(size: size), responseCompressed: true)
                    let reply = try await harness.client.unary(Method.unary, request, as: SimpleResponse.self, options: options)
                    #expect(reply.size == size)
                }
                let call: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> =
                    try await harness.client.makeCall(Method.streamingInput, options: options)
                for _ in 0..<5 { try await call.send(StreamingInputCallRequest(payload: Payload(size: 300_000))) }
                await call.closeSend()
                #expect(try await call.response().message.aggregatedPayloadSize == 1_500_000)
            }
        }

        @Test func compressedStreamingResponses() async throws {
            try await TestServer.bounded { harness in
                let parameters = [
                    ResponseParameters(size: 1_000, compressed: true), ResponseParameters(size: 2_000),
                    ResponseParameters(size: 300_000, compressed: true),
                ]
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(
                        Method.streamingOutput, StreamingOutputCallRequest(responseParameters: parameters))
                var sizes: [Int] = []
                for try await response in call.responses { sizes.append(response.size) }
                #expect(sizes == [1_000, 2_000, 300_000])
            }
        }

        /// The server reports a compressed response in its HEADERS' message_encoding.
        @Test func compressedResponseOnTheWire() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                let request = SimpleRequest(responseSize: 10_000, responseCompressed: true)
                try await raw.call(1, Method.unary, messages: [request.encoded()], headers: CallHeaders(acceptEncoding: ["deflate"]))
                #expect(try await raw.streamEnd(1)?.code == .ok)
                let frames = raw.frames(on: 1)
                guard case .headers(_, let headers, _)? = frames.first else {
                    Issue.record("expected HEADERS first, got \(frames)")
                    return
                }
                #expect(headers.messageEncoding == "deflate")
                guard case .message(_, let payload, let flags)? = frames.dropFirst().first else {
                    Issue.record("expected a MESSAGE, got \(frames)")
                    return
                }
                #expect(flags.contains(.compressed))
                #expect(payload.readableBytes < 10_000)
                let inflated = try MessageEncoding.inflate(payload, limit: 1 << 20)
                #expect(try SimpleResponse(decoding: inflated).size == 10_000)
            }
        }

        /// A client that does not accept deflate gets uncompressed responses even when asked.
        @Test func noCompressionForAClientThatDoesNotAcceptIt() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                let request = SimpleRequest(responseSize: 10_000, responseCompressed: true)
                try await raw.call(1, Method.unary, messages: [request.encoded()])
                #expect(try await raw.streamEnd(1)?.code == .ok)
                for case .message(_, _, let flags) in raw.frames(on: 1) { #expect(!flags.contains(.compressed)) }
            }
        }

        /// SPEC.md 4.3: a server compresses only for a client whose HEADERS listed the encoding
        /// in accept_encoding; any later message may be compressed then, and none otherwise.
        @Test(arguments: [true, false])
        func serverCompressesOnlyForAClientThatAcceptsIt(accepts: Bool) async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                let request = StreamingOutputCallRequest(responseParameters: [
                    ResponseParameters(size: 100), ResponseParameters(size: 5_000, compressed: true),
                ])
                try await raw.call(1, Method.streamingOutput, messages: [request.encoded()], headers: CallHeaders(acceptEncoding: accepts ? ["deflate"] : []))
                #expect(try await raw.streamEnd(1)?.code == .ok)
                var flags: [Bool] = []
                for frame in raw.frames(on: 1) {
                    if case .message(_, _, let frameFlags) = frame { flags.append(frameFlags.contains(.compressed)) }
                }
                #expect(flags == [false, accepts])
            }
        }
    }
}
