import AuraBytes
import AuraWire

/// The peer's side of a script: frames built from a few bytes each, valid in form (a fuzzer
/// would seldom hit a valid length and protobuf payload by chance) but with any ids, flags,
/// sizes and values.
extension ConnectionDriver {
    /// Message sizes that sit on the edges of frames, windows and limits.
    static let messageSizes = [0, 1, 100, 1_000, 1_025, 16_374, 16_384, 65_526, 65_536, 100_000, 1 << 20, 4 << 20]

    /// Bytes `(i % 251)`, as in Protocol/vectors, for messages up to the largest size. Payloads
    /// are sliced from arrays built once: building megabytes per input would drown the fuzzer.
    static let pattern: [UInt8] = (0...(4 << 20)).map { UInt8(truncatingIfNeeded: $0 % 251) }

    /// Zlib streams of `size + 1` zeros for each of `messageSizes`: compression bombs when large.
    static let zeroStreams: [ByteBuffer] = messageSizes.map {
        MessageEncoding.deflate(ByteBuffer(bytes: [UInt8](repeating: 0, count: $0 + 1)))
    }

    /// A stream id: most bytes name a small id (existing streams, stream 0, even ids), the top
    /// ones a fresh id above every id used so far.
    func streamID(_ choice: UInt8) -> UInt32 {
        guard choice >= 0xe0 else { return UInt32(choice % 12) }
        defer { freshStreamID += 2 }
        return freshStreamID
    }

    func writePeerFrame(_ kind: UInt8, _ parameter: UInt8, _ script: inout FuzzInput) {
        switch kind {
        case 0: writeSettings(count: Int(parameter % 6), &script)
        case 1: FrameEncoder.encode(.settings(nil, ack: true), into: &pending)
        case 2:
            let id = streamID(script.byte())
            FrameEncoder.encode(.headers(streamID: id, headers(&script), endStream: parameter & 1 == 1), into: &pending)
        case 3: writeMessage(parameter, &script)
        case 4:
            let id = streamID(script.byte())
            let trailers = CallTrailers(code: StatusCode(wireValue: UInt32(script.byte())), message: script.pick(["", "done"]))
            FrameEncoder.encode(.trailers(streamID: id, parameter & 1 == 0 ? trailers : nil), into: &pending)
        case 5:
            FrameEncoder.encode(.cancel(streamID: streamID(script.byte()), code: StatusCode(wireValue: UInt32(script.byte()))), into: &pending)
        case 6:
            let id = parameter & 1 == 0 ? 0 : streamID(script.byte())
            let increment = script.pick([1, 1_000, 65_535, 1 << 20, UInt32(Int32.max), script.uint32()])
            FrameEncoder.writeHeader(FrameHeader(length: 4, type: .windowUpdate, streamID: id), into: &pending)
            pending.writeInteger(increment)
        case 7: FrameEncoder.encode(.ping(UInt64(script.uint32()), ack: parameter & 1 == 1), into: &pending)
        case 8:
            let last = streamID(script.byte())
            FrameEncoder.encode(.goAway(lastStreamID: last, code: StatusCode(wireValue: UInt32(script.byte())), reason: "bye"), into: &pending)
        default:
            let length = UInt32(script.byte())
            let type = FrameType(wireValue: 9 + script.byte() % 200)
            FrameEncoder.writeHeader(FrameHeader(length: length, type: type, flags: FrameFlags(rawValue: parameter), streamID: streamID(script.byte())), into: &pending)
            pending.writeBytes(repeatElement(UInt8(0), count: Int(length)))
        }
    }

    /// SETTINGS with `count` entries, ids 0-6 (0 and 6 unknown), values on the edges.
    func writeSettings(count: Int, _ script: inout FuzzInput) {
        FrameEncoder.writeHeader(FrameHeader(length: UInt32(6 * count), type: .settings, streamID: 0), into: &pending)
        for _ in 0..<count {
            pending.writeInteger(UInt16(script.byte() % 7))
            let values: [UInt32] = [0, 1, 1_000, 16_384, 65_536, 1 << 20, UInt32(Int32.max), UInt32.max]
            pending.writeInteger(script.byte() < 0xc0 ? script.pick(values) : script.uint32())
        }
    }

    func headers(_ script: inout FuzzInput) -> CallHeaders {
        var headers = CallHeaders(
            method: script.pick(["aura.TestService/UnaryCall", "", "/x.Y/Z"]),
            timeoutMicros: script.pick([0, 1, 1_000_000, UInt64.max]),
            messageEncoding: script.pick(["", "identity", "deflate", "gzip"]))
        for _ in 0..<script.byte() % 3 {
            headers.metadata.add(script.pick(["a", "x-trace-bin", "Bad Key", ""]), bytes: Array(script.bytes(Int(script.byte() % 16))))
        }
        return headers
    }

    /// A MESSAGE frame: its flags from the next byte, its payload raw bytes, a pattern of an
    /// edge size, or a zlib stream of zeros (a compression bomb when large).
    func writeMessage(_ parameter: UInt8, _ script: inout FuzzInput) {
        let id = streamID(script.byte())
        let flags = FrameFlags(rawValue: script.byte() & 0x07)
        let payload: ByteBuffer
        switch parameter & 3 {
        case 0: payload = ByteBuffer(bytes: script.bytes(Int(script.byte())))
        case 1: payload = ByteBuffer(bytes: Self.pattern[0..<script.pick(Self.messageSizes)])
        case 2: payload = script.pick(Self.zeroStreams)
        default: payload = MessageEncoding.deflate(ByteBuffer(bytes: script.bytes(Int(script.byte()))))
        }
        FrameEncoder.encode(.message(streamID: id, payload: payload, flags: flags), into: &pending)
    }

    /// HEADERS opening `count` fresh streams, to reach the concurrency limit.
    func openManyStreams(_ count: Int) {
        for _ in 0..<count {
            FrameEncoder.encode(.headers(streamID: streamID(0xff), CallHeaders(method: "a.B/C"), endStream: false), into: &pending)
        }
    }
}
