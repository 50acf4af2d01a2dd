import AuraBytes
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// Bad calls over a raw socket: a bad stream id is a connection error; a bad method, encoding or
    /// message ends only its call, and the connection carries on.
    @Suite struct BadStreams {
        @Test func evenStreamID() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(2, Method.empty, messages: [Empty().encoded()])
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        @Test func reusedStreamIDAfterTheCallEnded() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(1, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(1)?.code == .ok)
                try await raw.call(1, Method.empty, messages: [Empty().encoded()])
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        @Test func decreasingStreamID() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(7, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(7)?.code == .ok)
                try await raw.call(5, Method.empty, messages: [Empty().encoded()])
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        /// SPEC.md section 3: an id not greater than every id used before is a connection error,
        /// also while that stream is still open.
        @Test
        func reusedStreamIDWhileTheCallIsOpen() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(1, Method.sleep, messages: [SleepRequest(durationMs: 2_000).encoded()])
                try await raw.call(1, Method.empty, messages: [Empty().encoded()])
                let answer = try await raw.frame { frame in
                    switch frame {
                    case .goAway, .trailers(1, _), .cancel(1, _): true
                    default: false
                    }
                }
                guard case .goAway(_, let code, _)? = answer else {
                    Issue.record("expected GOAWAY INVALID_ARGUMENT, got \(String(describing: answer))")
                    return
                }
                #expect(code == .invalidArgument)
                #expect(await raw.waitForClose())
            }
        }

        @Test func tooManyConcurrentStreams() async throws {
            try await TestServer.withRawConnection(configure: { $0.settings.maxConcurrentStreams = 4 }) { raw, _ in
                try await raw.handshake(acknowledge: true)
                for index in 0..<5 {
                    try await raw.call(UInt32(2 * index + 1), Method.sleep, messages: [SleepRequest(durationMs: 300).encoded()])
                }
                let ends = try await raw.streamEnds([1, 3, 5, 7, 9])
                #expect(ends == [1: .ok, 3: .ok, 5: .ok, 7: .ok, 9: .resourceExhausted])
            }
        }

        @Test func unknownMethod() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(1, "aura.TestService/Nope", messages: [Empty().encoded()])
                let end = try await raw.streamEnd(1)
                #expect(end?.code == .unimplemented)
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
            }
        }

        @Test func unknownMessageEncoding() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(1, Method.empty, messages: [Empty().encoded()], headers: CallHeaders(messageEncoding: "brotli"))
                #expect(try await raw.streamEnd(1)?.code == .unimplemented)
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
            }
        }

        @Test func requestThatDoesNotDecode() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.call(1, Method.unary, messages: [ByteBuffer(bytes: [0x0a, 0x05, 0x01])])  // truncated field
                #expect(try await raw.streamEnd(1)?.code == .invalidArgument)
            }
        }

        @Test func messageOverTheMaximumMessageSize() async throws {
            try await TestServer.withRawConnection(configure: { $0.settings.maxMessageSize = 16 * 1024 }) { raw, _ in
                try await raw.handshake(acknowledge: true)
                let request = SimpleRequest(responseSize: 1, payload: Payload(size: 20_000))
                try await raw.call(1, Method.unary, messages: [request.encoded()])
                let end = try await raw.streamEnd(1)
                #expect(end?.code == .resourceExhausted)
                // The connection lives on.
                try await raw.call(3, Method.unary, messages: [SimpleRequest(responseSize: 7, payload: Payload(size: 1_000)).encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
                #expect(!raw.receivedGoAway)
            }
        }

        /// A message split over many frames, past the limit: ended as the fragments arrive.
        @Test func fragmentedMessageOverTheMaximumMessageSize() async throws {
            try await TestServer.withRawConnection(configure: { $0.settings.maxMessageSize = 40 * 1024 }) { raw, _ in
                try await raw.handshake(acknowledge: true)
                try await raw.write(frames: [.headers(streamID: 1, CallHeaders(method: Method.unary), endStream: false)])
                var frames: [Frame] = []
                for index in 0..<4 {
                    frames.append(.message(
                        streamID: 1, payload: ByteBuffer(bytes: [UInt8](repeating: 0, count: 16 * 1024)),
                        flags: index == 3 ? .endStream : .more))
                }
                try await raw.write(frames: frames)
                #expect(try await raw.streamEnd(1)?.code == .resourceExhausted)
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
            }
        }

        /// A small zlib stream that inflates past the limit (a decompression bomb).
        @Test func compressedMessageInflatingPastTheLimit() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                let bomb = MessageEncoding.deflate(ByteBuffer(bytes: [UInt8](repeating: 0, count: 5 * 1024 * 1024)))
                #expect(bomb.readableBytes < 65_536)
                try await raw.write(frames: [
                    .headers(streamID: 1, CallHeaders(method: Method.unary, messageEncoding: "deflate"), endStream: false),
                    .message(streamID: 1, payload: bomb, flags: [.compressed, .endStream]),
                ])
                #expect(try await raw.streamEnd(1)?.code == .resourceExhausted)
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
            }
        }

        @Test func truncatedZlibPayload() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                let compressed = MessageEncoding.deflate(SimpleRequest(responseSize: 10, payload: Payload(size: 5_000)).encoded())
                let truncated = ByteBuffer(bytes: compressed.readableBytesArray.dropLast(6))
                try await raw.write(frames: [
                    .headers(streamID: 1, CallHeaders(method: Method.unary, messageEncoding: "deflate"), endStream: false),
                    .message(streamID: 1, payload: truncated, flags: [.compressed, .endStream]),
                ])
                let end = try await raw.streamEnd(1)
                #expect(end?.code == .internal)
                #expect(end?.message.contains("decompression") == true)
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
            }
        }

        @Test func compressedMessageWithoutAnEncoding() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                let compressed = MessageEncoding.deflate(SimpleRequest(responseSize: 10).encoded())
                try await raw.write(frames: [
                    .headers(streamID: 1, CallHeaders(method: Method.unary), endStream: false),
                    .message(streamID: 1, payload: compressed, flags: [.compressed, .endStream]),
                ])
                #expect(try await raw.streamEnd(1)?.code == .internal)
            }
        }
    }
}
