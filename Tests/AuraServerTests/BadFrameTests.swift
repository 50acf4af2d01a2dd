import AuraBytes
import AuraConformance
import AuraMessages
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// Bad prefaces and frames over a raw socket: each is a connection error (GOAWAY with the right
    /// code, then close), or is skipped where the spec says so; the server goes on serving others.
    @Suite struct BadFrames {
        @Test func garbageBytes() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.write(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        @Test func headersThatDoNotDecode() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                // A HEADERS frame whose payload does not decode: random bytes after an invalid tag.
                let junk = (0..<64).map { _ in UInt8.random(in: 0...255) }
                var frame = ByteBuffer()
                FrameEncoder.writeHeader(FrameHeader(length: 64, type: .headers, streamID: 1), into: &frame)
                frame.writeBytes([0x0f] + junk.dropFirst())  // field 1, wire type 7: invalid
                try await raw.write(frame)
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        @Test func wrongMagic() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.write(Array("AURAXPC".utf8) + [1])
                try await raw.expectGoAwayAndClose(.invalidArgument, reasonContains: "magic")
            }
        }

        @Test func unsupportedVersion() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.write(Preface.magic + [2])
                try await raw.expectGoAwayAndClose(.unimplemented, reasonContains: "version 2")
            }
        }

        @Test func frameOverTheMaximumFrameSize() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                var header = ByteBuffer()
                FrameEncoder.writeHeader(FrameHeader(length: Settings.aura.maxFrameSize + 1, type: .message, streamID: 1), into: &header)
                try await raw.write(header)  // the payload never comes: the header alone is enough
                try await raw.expectGoAwayAndClose(.resourceExhausted)
            }
        }

        @Test func frameOf100MegabytesIsRejectedBeforeItsPayload() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                var header = ByteBuffer()
                FrameEncoder.writeHeader(FrameHeader(length: 100_000_000, type: .unknown(0x42), streamID: 0), into: &header)
                try await raw.write(header)
                try await raw.expectGoAwayAndClose(.resourceExhausted)
            }
        }

        /// After the client acknowledges the server's SETTINGS, the server's own (smaller)
        /// MAX_FRAME_SIZE applies.
        @Test func frameOverASmallerAnnouncedFrameSize() async throws {
            try await TestServer.withRawConnection(configure: { $0.settings.maxFrameSize = 16_384 }) { raw, _ in
                try await raw.handshake(acknowledge: true)
                try await raw.call(1, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(1)?.code == .ok)  // the ACK has been processed
                var header = ByteBuffer()
                FrameEncoder.writeHeader(FrameHeader(length: 16_385, type: .message, streamID: 3), into: &header)
                try await raw.write(header)
                try await raw.expectGoAwayAndClose(.resourceExhausted)
            }
        }

        @Test func badSettingsValue() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.write(Preface.bytes)
                var frame = ByteBuffer()
                FrameEncoder.writeHeader(FrameHeader(length: 6, type: .settings, streamID: 0), into: &frame)
                frame.writeInteger(UInt16(1))  // MAX_FRAME_SIZE
                frame.writeInteger(UInt32(100))  // below 16,384
                try await raw.write(frame)
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        @Test func frameOnTheWrongStream() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.write(frames: [.headers(streamID: 0, CallHeaders(method: Method.empty), endStream: true)])
                try await raw.expectGoAwayAndClose(.invalidArgument)
            }
        }

        @Test func flowControlViolation() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake(acknowledge: true)
                // A unary call takes no message before the client's END_STREAM, so none of these
                // is consumed and no credit comes back: 1 MiB of stream credit, then one too many.
                try await raw.write(frames: [.headers(streamID: 1, CallHeaders(method: Method.sleep), endStream: false)])
                let chunk = ByteBuffer(bytes: [UInt8](repeating: 0, count: 65_536))
                var frames: [Frame] = []
                for _ in 0..<17 { frames.append(.message(streamID: 1, payload: chunk, flags: [])) }
                try await raw.write(frames: frames)
                try await raw.expectGoAwayAndClose(.resourceExhausted)
            }
        }

        /// Unknown frame types are skipped, and a PING is answered, on a working connection.
        @Test func unknownFrameTypeAndPing() async throws {
            try await TestServer.withRawConnection { raw, _ in
                try await raw.handshake()
                try await raw.write(frames: [
                    .unknown(type: 0x2a, streamID: 5, flags: [], length: 100),
                    .ping(0x0123_4567_89ab_cdef, ack: false),
                ])
                let ack = try await raw.frame { if case .ping(_, true) = $0 { true } else { false } }
                #expect(ack == .ping(0x0123_4567_89ab_cdef, ack: true))
                try await raw.call(1, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(1)?.code == .ok)
            }
        }

        @Test func halfSentPrefaceThenClose() async throws {
            try await TestServer.withRawConnection { raw, harness in
                try await raw.write(Array(Preface.bytes.prefix(4)))
                raw.close()
                #expect(await eventually { harness.server.connectionCount <= 1 })
            }
        }

        @Test func halfSentHeaderThenClose() async throws {
            try await TestServer.withRawConnection { raw, harness in
                try await raw.handshake()
                try await raw.roundTrip()
                try await raw.write([0, 0, 0])  // 3 of a frame header's 10 bytes
                raw.close()
                #expect(await eventually { harness.server.connectionCount <= 1 })
            }
        }

        @Test func halfSentFrameThenClose() async throws {
            try await TestServer.withRawConnection { raw, harness in
                try await raw.handshake()
                var frames = ByteBuffer()
                FrameEncoder.encode(.headers(streamID: 1, CallHeaders(method: Method.sleep), endStream: false), into: &frames)
                FrameEncoder.encode(.message(streamID: 1, payload: SleepRequest(durationMs: 5).encoded(), flags: .endStream), into: &frames)
                try await raw.roundTrip()  // everything the server sent is read: close sends FIN, not RST
                try await raw.write(Array(frames.readableBytesArray.dropLast(3)))
                raw.close()
                #expect(await eventually { harness.server.connectionCount <= 1 })
            }
        }
    }
}
