import AuraBytes
import Testing
@testable import AuraWire

/// The binary vectors of Protocol/vectors: decoded, compared with their JSON meaning, re-encoded,
/// and fed to a real connection core.
@Suite struct VectorTests {
    @Test func theFolderHoldsEveryRequiredCase() {
        let names = Set(Vector.names())
        let required = [
            "preface", "preface_bad_magic", "preface_unsupported_version", "settings_all", "settings_ack",
            "headers_full", "headers_end_stream", "message_plain", "message_end_stream", "message_compressed",
            "message_fragmented", "message_empty", "message_max_size", "message_over_max_size",
            "message_max_size_compressed", "message_over_max_size_compressed", "message_truncated_zlib",
            "trailers_status", "trailers_client_empty", "cancel", "window_update_stream",
            "window_update_connection", "ping", "ping_ack", "goaway", "unknown_frame_type",
            "headers_unknown_fields", "frame_over_max_frame_size", "settings_bad_length", "settings_wrong_stream",
            "headers_stream_zero",
        ]
        for name in required { #expect(names.contains(name), "missing vector \(name)") }
    }

    @Test(arguments: Vector.names())
    func decodesToItsMeaningAndReencodes(_ name: String) throws {
        let (vector, bytes) = try Vector.load(name)
        var buffer = bytes
        var failure: WireError?
        var prefaceConsumed = false
        if vector.preface {
            do {
                prefaceConsumed = try Preface.consume(from: &buffer)
                #expect(prefaceConsumed, "the preface is incomplete")
            } catch {
                failure = error
            }
        }

        var frames: [Frame] = []
        var headers: [FrameHeader] = []
        var endOfLastFrame = buffer.readerIndex
        if failure == nil {
            let decoder = FrameDecoder(maxFrameSize: vector.maxFrameSize ?? 65_536, decodesClientFrames: vector.readsClientFrames)
            do {
                while true {
                    let header = FrameDecoder.peekHeader(buffer)
                    guard let frame = try decoder.nextFrame(from: &buffer) else { break }
                    frames.append(frame)
                    headers.append(header!)
                    endOfLastFrame = buffer.readerIndex
                }
            } catch {
                failure = error
            }
        }

        // The frames that decoded are the ones the JSON lists.
        try #require(frames.count == vector.frames.count, "decoded \(frames.count) frames, the JSON lists \(vector.frames.count)")
        for (index, spec) in vector.frames.enumerated() {
            try check(frames[index], header: headers[index], against: spec)
        }

        // The outcome.
        switch vector.expect {
        case .connectionError(let code):
            #expect(failure?.code == code, "expected a connection error \(code.name), got \(String(describing: failure))")
        case .ok, .messages, .streamError:
            #expect(failure == nil)
            #expect(buffer.readableBytes == vector.incompleteBytes ?? 0, "bytes left over")
        }
        switch vector.expect {
        case .messages(let expected):
            let (messages, errors) = assemble(frames, maxMessageSize: vector.maxMessageSize ?? 4 << 20)
            #expect(errors.isEmpty, "stream errors: \(errors)")
            try #require(messages.count == expected.count)
            for (got, want) in zip(messages, expected) {
                #expect(got.id == want.streamId)
                #expect(ByteBuffer(bytes: got.bytes) == ByteBuffer(bytes: want.bytes ?? []), "message on stream \(got.id) differs")
            }
        case .streamError(let id, let code):
            let (_, errors) = assemble(frames, maxMessageSize: vector.maxMessageSize ?? 4 << 20)
            #expect(errors.map(\.id) == [id])
            #expect(errors.first?.code == code)
        case .ok, .connectionError:
            break
        }

        // Re-encoding: always the same frames; the same bytes exactly when the vector says so.
        var reencoded = ByteBuffer()
        if prefaceConsumed { reencoded.writeBytes(Preface.bytes) }
        reencoded.writeBuffer(encode(frames))
        let original = bytes.sharingSlice(at: 0, count: endOfLastFrame)
        #expect((reencoded == original) == vector.canonical, "canonical is \(vector.canonical) in the JSON")
        if prefaceConsumed { reencoded.moveReaderIndex(forwardBy: Preface.bytes.count) }
        #expect(try decodeFrames(reencoded, clientFrames: vector.readsClientFrames) == frames)
    }

    /// A vector whose bytes break the protocol makes a real core send GOAWAY with that code.
    @Test(arguments: Vector.names().filter(isConnectionError))
    func connectionErrorVectorsFailACore(_ name: String) throws {
        let (vector, bytes) = try Vector.load(name)
        guard case .connectionError(let code) = vector.expect else { return }
        let peer: LonePeer
        if vector.readsClientFrames {
            peer = LonePeer(server: vector.maxFrameSize.map { var s = Settings(); s.maxFrameSize = $0; return s } ?? Settings(),
                            greet: !vector.preface, acknowledge: vector.maxFrameSize != nil)
        } else {
            peer = LonePeer(client: Settings())
        }
        peer.receive(bytes)
        #expect(peer.core.hasFailed)
        #expect(peer.events.failure?.code == code)
        #expect(peer.output().last?.goAwayCode == code)
    }

    /// Message vectors read by a real server core: the same messages, or the same stream error
    /// answered with TRAILERS.
    @Test(arguments: Vector.names().filter(isMessageVectorForServer))
    func messageVectorsThroughAServerCore(_ name: String) throws {
        let (vector, bytes) = try Vector.load(name)
        var settings = Settings()
        if let limit = vector.maxMessageSize { settings.maxMessageSize = UInt32(limit) }
        let peer = LonePeer(server: settings, greet: !vector.preface)
        peer.receive(bytes)
        #expect(!peer.core.hasFailed)
        switch vector.expect {
        case .messages(let expected):
            #expect(peer.events.messages.map(\.id) == expected.map(\.streamId))
            #expect(peer.events.messageBuffers == expected.map { ByteBuffer(bytes: $0.bytes ?? []) })
        case .streamError(let id, let code):
            #expect(peer.events.resetErrors[id]?.code == code)
            let trailers = peer.output().compactMap { frame -> CallTrailers? in
                if case .trailers(id, let trailers) = frame { trailers } else { nil }
            }
            #expect(trailers.map(\.code) == [code])
        default:
            Issue.record("not a message vector")
        }
    }

    /// Vectors that prescribe a server's answer: a real server core reading the bytes writes
    /// exactly those frames (WINDOW_UPDATEs, whose timing is the receiver's choice, aside).
    @Test(arguments: Vector.names().filter(hasAnswer))
    func answerVectorsMatchAServerCore(_ name: String) throws {
        let (vector, bytes) = try Vector.load(name)
        let answer = try #require(vector.answer)
        let core = ConnectionCore(role: .server, settings: vector.receiverSettings)
        let events = Recorder()
        core.delegate = events
        events.core = core
        var input = bytes
        core.receive(&input)
        var output = ByteBuffer()
        core.drainOutput { output.writeBuffer($0) }
        let frames = try decodeFrames(output, clientFrames: false).filter { !$0.isWindowUpdate }
        #expect(frames.map(Vector.AnswerSpec.init) == answer)
    }

    // MARK: Helpers

    private func check(_ frame: Frame, header: FrameHeader, against spec: Vector.FrameSpec) throws {
        #expect(header.length == spec.length, "length of \(spec.type)")
        #expect(frame.streamID == spec.streamId)
        if let expected = try spec.expectedFrame() {
            #expect(frame == expected)
            return
        }
        // A MESSAGE described as a zlib stream of the pattern: check it by inflating.
        guard let patternLength = spec.payloadZlibOfPattern,
              case .message(_, let payload, let flags) = frame
        else {
            Issue.record("cannot check frame \(frame)")
            return
        }
        #expect(flags == spec.frameFlags)
        let inflated = try MessageEncoding.inflate(payload, limit: patternLength)
        #expect(inflated == ByteBuffer(bytes: pattern(patternLength)))
    }

    /// Joins the MESSAGE frames per stream with a `StreamState`, as a receiver does.
    private func assemble(_ frames: [Frame], maxMessageSize: Int) -> (
        messages: [(id: UInt32, bytes: [UInt8])], errors: [(id: UInt32, code: StatusCode)]
    ) {
        var states: [UInt32: StreamState] = [:]
        var messages: [(id: UInt32, bytes: [UInt8])] = []
        var errors: [(id: UInt32, code: StatusCode)] = []
        for frame in frames {
            switch frame {
            case .headers(let id, let headers, let endStream):
                let encoding = headers.messageEncoding
                var state = StreamState(maxMessageSize: maxMessageSize, compressionAllowed: !encoding.isEmpty && encoding != "identity")
                if endStream { try? state.receiveEndStream() }
                states[id] = state
            case .message(let id, let payload, let flags):
                guard var state = states[id] else { continue }
                do {
                    if let message = try state.receiveMessage(payload, flags: flags) {
                        messages.append((id, message.readableBytesArray))
                    }
                    states[id] = state
                } catch {
                    errors.append((id, error.code))
                    states[id] = nil
                }
            default:
                break
            }
        }
        return (messages, errors)
    }
}

private func isConnectionError(_ name: String) -> Bool {
    guard let (vector, _) = try? Vector.load(name), case .connectionError = vector.expect else { return false }
    return true
}

private func hasAnswer(_ name: String) -> Bool {
    (try? Vector.load(name))?.0.answer != nil
}

private func isMessageVectorForServer(_ name: String) -> Bool {
    guard let (vector, _) = try? Vector.load(name), vector.readsClientFrames else { return false }
    switch vector.expect {
    case .messages, .streamError: return true
    default: return false
    }
}
