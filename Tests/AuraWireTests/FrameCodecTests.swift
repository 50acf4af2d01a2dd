import AuraBytes
import Testing
@testable import AuraWire

@Suite struct FrameCodecTests {
    static let headers = CallHeaders(
        method: "/aura.TestService/UnaryCall", metadata: ["x-user": "ada"], timeoutMicros: 250_000,
        messageEncoding: "deflate", acceptEncoding: ["deflate", "identity"])

    /// Every case of `Frame`, as a server (reading a client) or a client (reading a server) sees it.
    static let clientFrames: [Frame] = [
        .settings(Settings(), ack: false),
        .settings(nil, ack: true),
        .headers(streamID: 1, headers, endStream: false),
        .headers(streamID: 3, CallHeaders(method: "a.B/C"), endStream: true),
        .message(streamID: 1, payload: .of([1, 2, 3]), flags: []),
        .message(streamID: 1, payload: .of([]), flags: .endStream),
        .message(streamID: 1, payload: .of([9]), flags: [.compressed, .more]),
        .message(streamID: 1, payload: .of([8]), flags: [.compressed, .more, .endStream]),
        .trailers(streamID: 1, nil),
        .cancel(streamID: 5, code: .cancelled),
        .windowUpdate(streamID: 0, increment: 1),
        .windowUpdate(streamID: 7, increment: 0x7fff_ffff),
        .ping(0x0102_0304_0506_0708, ack: false),
        .ping(.max, ack: true),
        .goAway(lastStreamID: 0, code: .ok, reason: ""),
        .unknown(type: 0x42, streamID: 9, flags: FrameFlags(rawValue: 0xff), length: 5),
    ]

    static let serverFrames: [Frame] = [
        .headers(streamID: 1, CallHeaders(metadata: ["x-server": "aura"]), endStream: false),
        .trailers(streamID: 1, CallTrailers()),
        .trailers(streamID: 3, CallTrailers(code: .notFound, message: "no such method", metadata: ["a": "b"])),
        .goAway(lastStreamID: 9, code: .unavailable, reason: "draining — bye"),
    ]

    @Test(arguments: clientFrames)
    func clientFrameRoundTrips(_ frame: Frame) throws {
        var buffer = encode([frame])
        let decoded = try FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: true).nextFrame(from: &buffer)
        #expect(decoded == frame)
        #expect(buffer.readableBytes == 0)
    }

    @Test(arguments: serverFrames)
    func serverFrameRoundTrips(_ frame: Frame) throws {
        var buffer = encode([frame])
        let decoded = try FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: false).nextFrame(from: &buffer)
        #expect(decoded == frame)
        #expect(buffer.readableBytes == 0)
    }

    @Test func headerLayoutIsTenBigEndianBytes() {
        let bytes = encode([.message(streamID: 0x0102_0304, payload: .of([0xaa, 0xbb]), flags: [.compressed, .endStream])])
        #expect(bytes.readableBytesArray == [0, 0, 0, 2, 0x02, 0x03, 0x01, 0x02, 0x03, 0x04, 0xaa, 0xbb])
        #expect(FrameDecoder.peekHeader(bytes) == FrameHeader(length: 2, type: .message, flags: [.compressed, .endStream], streamID: 0x0102_0304))
    }

    @Test func frameTypesMapToTheirWireBytes() {
        let types: [FrameType] = [.settings, .headers, .message, .trailers, .cancel, .windowUpdate, .ping, .goAway]
        #expect(types.map(\.wireValue) == Array(0...7))
        for byte in UInt8.min...UInt8.max {
            #expect(FrameType(wireValue: byte).wireValue == byte)
        }
        #expect(FrameType(wireValue: 8) == .unknown(8))
        #expect(FrameFlags.more.rawValue == 4 && FrameFlags.compressed.rawValue == 2 && FrameFlags.endStream.rawValue == 1)
    }

    @Test func streamIDOfEveryCase() {
        #expect(Self.clientFrames.map(\.streamID) == [0, 0, 1, 3, 1, 1, 1, 1, 1, 5, 0, 7, 0, 0, 0, 9])
    }

    @Test func everySplitPointGivesTheSameFrames() throws {
        let whole = encode(Self.clientFrames)
        let bytes = whole.readableBytesArray
        let decoder = FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: true)
        for split in 0...bytes.count {
            var buffer = ByteBuffer(bytes: bytes[..<split])
            var frames: [Frame] = []
            while let frame = try decoder.nextFrame(from: &buffer) { frames.append(frame) }
            buffer.writeBytes(bytes[split...])
            while let frame = try decoder.nextFrame(from: &buffer) { frames.append(frame) }
            #expect(frames == Self.clientFrames, "split at \(split)")
            #expect(buffer.readableBytes == 0)
        }
    }

    @Test func byteByByteGivesTheSameFrames() throws {
        let bytes = encode(Self.clientFrames).readableBytesArray
        let decoder = FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: true)
        var buffer = ByteBuffer()
        var frames: [Frame] = []
        for byte in bytes {
            buffer.writeByte(byte)
            while let frame = try decoder.nextFrame(from: &buffer) { frames.append(frame) }
        }
        #expect(frames == Self.clientFrames)
    }

    @Test func incompleteFrameConsumesNothing() throws {
        let decoder = FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: true)
        var header = ByteBuffer(bytes: [0, 0, 0, 5, 2, 0, 0, 0])
        #expect(try decoder.nextFrame(from: &header) == nil)
        #expect(header.readableBytes == 8)
        var partial = ByteBuffer(bytes: [0, 0, 0, 5, 2, 0, 0, 0, 0, 1, 0xaa, 0xbb])
        #expect(try decoder.nextFrame(from: &partial) == nil)
        #expect(partial.readableBytes == 12)
    }

    @Test func lengthIsCheckedBeforeThePayloadArrives() {
        // A header declaring 100 MB with no payload at all: rejected from the header alone.
        var buffer = ByteBuffer()
        FrameEncoder.writeHeader(FrameHeader(length: 100_000_000, type: .message, streamID: 1), into: &buffer)
        let decoder = FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: true)
        #expect(throws: WireError.self) { try decoder.nextFrame(from: &buffer) }
        do {
            _ = try decoder.nextFrame(from: &buffer)
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test func frameOfExactlyMaxFrameSizeWaitsForItsPayload() throws {
        var buffer = ByteBuffer()
        FrameEncoder.writeHeader(FrameHeader(length: 16_384, type: .message, streamID: 1), into: &buffer)
        let decoder = FrameDecoder(maxFrameSize: 16_384, decodesClientFrames: true)
        #expect(try decoder.nextFrame(from: &buffer) == nil)
        buffer.writeBytes(pattern(16_384))
        #expect(try decoder.nextFrame(from: &buffer) == .message(streamID: 1, payload: .of(pattern(16_384)), flags: []))
    }

    @Test func unknownFrameTypesAreSkippedWithTheirPayload() throws {
        var buffer = ByteBuffer()
        FrameEncoder.writeHeader(FrameHeader(length: 3, type: .unknown(0x99), flags: FrameFlags(rawValue: 7), streamID: 4), into: &buffer)
        buffer.writeBytes([1, 2, 3])
        FrameEncoder.encode(.ping(5, ack: false), into: &buffer)
        let frames = try decodeFrames(&buffer, clientFrames: true)
        #expect(frames == [.unknown(type: 0x99, streamID: 4, flags: FrameFlags(rawValue: 7), length: 3), .ping(5, ack: false)])
    }

    @Test func largePayloadsShareTheInputButStayIntact() throws {
        let big = pattern(100_000)
        var buffer = encode([.message(streamID: 1, payload: .of(big), flags: [])])
        let frame = try FrameDecoder(maxFrameSize: 1 << 20, decodesClientFrames: true).nextFrame(from: &buffer)
        // Reuse the input buffer as a transport would; the decoded payload must not change.
        buffer.discardReadBytes()
        buffer.writeBytes([UInt8](repeating: 0xee, count: 200_000))
        #expect(frame == .message(streamID: 1, payload: .of(big), flags: []))
    }

    @Test func undefinedFlagsAreIgnored() throws {
        var buffer = ByteBuffer()
        FrameEncoder.writeHeader(FrameHeader(length: 0, type: .trailers, flags: FrameFlags(rawValue: 0xff), streamID: 1), into: &buffer)
        FrameEncoder.writeHeader(FrameHeader(length: 8, type: .ping, flags: FrameFlags(rawValue: 0xfe), streamID: 0), into: &buffer)
        buffer.writeInteger(UInt64(3))
        FrameEncoder.writeHeader(FrameHeader(length: 1, type: .message, flags: FrameFlags(rawValue: 0xf8), streamID: 1), into: &buffer)
        buffer.writeByte(7)
        #expect(try decodeFrames(&buffer, clientFrames: true) == [
            .trailers(streamID: 1, nil), .ping(3, ack: false), .message(streamID: 1, payload: .of([7]), flags: []),
        ])
    }

    @Test func reservedStreamIDBitIsIgnored() throws {
        var buffer = encode([.windowUpdate(streamID: 0x8000_0003, increment: 10), .goAway(lastStreamID: 0x8000_0005, code: .ok, reason: "")])
        #expect(try decodeFrames(&buffer, clientFrames: true) == [
            .windowUpdate(streamID: 3, increment: 10), .goAway(lastStreamID: 5, code: .ok, reason: ""),
        ])
    }

    @Test func clientTrailersIgnoreTheirPayload() throws {
        var buffer = encode([.trailers(streamID: 1, CallTrailers(code: .internal, message: "ignored"))])
        #expect(try decodeFrames(&buffer, clientFrames: true) == [.trailers(streamID: 1, nil)])
    }

    @Test func emptyServerTrailersMeanOK() throws {
        var buffer = encode([.trailers(streamID: 1, nil)])
        #expect(buffer.readableBytes == FrameHeader.size)
        #expect(try decodeFrames(&buffer, clientFrames: false) == [.trailers(streamID: 1, CallTrailers())])
    }

    /// Frames that are malformed: each is a connection error with the given code.
    static let malformed: [(String, [UInt8], StatusCode)] = [
        ("SETTINGS on stream 1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], .invalidArgument),
        ("SETTINGS of 5 bytes", [0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0], .invalidArgument),
        ("SETTINGS ACK with payload", [0, 0, 0, 6, 0, 1, 0, 0, 0, 0, 0, 3, 0, 0, 0, 1], .invalidArgument),
        ("HEADERS on stream 0", [0, 0, 0, 0, 1, 0, 0, 0, 0, 0], .invalidArgument),
        ("HEADERS that do not decode", [0, 0, 0, 2, 1, 0, 0, 0, 0, 1, 0x0a, 0x05], .invalidArgument),
        ("MESSAGE on stream 0", [0, 0, 0, 0, 2, 0, 0, 0, 0, 0], .invalidArgument),
        ("TRAILERS on stream 0", [0, 0, 0, 0, 3, 0, 0, 0, 0, 0], .invalidArgument),
        ("CANCEL on stream 0", [0, 0, 0, 4, 4, 0, 0, 0, 0, 0, 0, 0, 0, 1], .invalidArgument),
        ("CANCEL of 5 bytes", [0, 0, 0, 5, 4, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0], .invalidArgument),
        ("WINDOW_UPDATE of 0", [0, 0, 0, 4, 5, 0, 0, 0, 0, 1, 0, 0, 0, 0], .invalidArgument),
        ("WINDOW_UPDATE of 2^31", [0, 0, 0, 4, 5, 0, 0, 0, 0, 0, 0x80, 0, 0, 0], .invalidArgument),
        ("WINDOW_UPDATE of 3 bytes", [0, 0, 0, 3, 5, 0, 0, 0, 0, 0, 0, 0, 1], .invalidArgument),
        ("PING on stream 1", [0, 0, 0, 8, 6, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], .invalidArgument),
        ("PING of 9 bytes", [0, 0, 0, 9, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .invalidArgument),
        ("GOAWAY on stream 1", [0, 0, 0, 8, 7, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], .invalidArgument),
        ("GOAWAY of 7 bytes", [0, 0, 0, 7, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], .invalidArgument),
        ("frame over MAX_FRAME_SIZE", [0, 1, 0, 1, 2, 0, 0, 0, 0, 1], .resourceExhausted),
        ("unknown type over MAX_FRAME_SIZE", [0, 1, 0, 1, 0x30, 0, 0, 0, 0, 1], .resourceExhausted),
    ]

    @Test(arguments: malformed)
    func malformedFramesAreConnectionErrors(_ name: String, _ bytes: [UInt8], _ code: StatusCode) {
        var buffer = ByteBuffer(bytes: bytes)
        do {
            let frame = try FrameDecoder(maxFrameSize: 65_536, decodesClientFrames: false).nextFrame(from: &buffer)
            Issue.record("\(name) decoded as \(String(describing: frame))")
        } catch {
            #expect(error.code == code, "\(name)")
        }
    }
}

@Suite struct PrefaceTests {
    @Test func prefaceIsMagicAndVersion() {
        #expect(Preface.bytes == [0x41, 0x55, 0x52, 0x41, 0x52, 0x50, 0x43, 0x01])
    }

    @Test func wholePrefaceIsConsumedAndNothingMore() throws {
        var buffer = ByteBuffer(bytes: Preface.bytes + [0, 0, 0])
        #expect(try Preface.consume(from: &buffer))
        #expect(buffer.readableBytesArray == [0, 0, 0])
    }

    @Test func partialPrefaceWaitsWithoutConsuming() throws {
        for count in 0..<8 {
            var buffer = ByteBuffer(bytes: Preface.bytes.prefix(count))
            #expect(try Preface.consume(from: &buffer) == false)
            #expect(buffer.readableBytes == count)
        }
    }

    @Test func wrongMagicIsRejectedAtTheFirstWrongByte() {
        var buffer = ByteBuffer(bytes: Array("AUX".utf8))
        #expect(throws: WireError(.invalidArgument, "bad preface magic: this is not an AuraRPC client")) {
            try Preface.consume(from: &buffer)
        }
    }

    @Test func otherVersionIsUnimplemented() {
        var buffer = ByteBuffer(bytes: Preface.magic + [2])
        do {
            _ = try Preface.consume(from: &buffer)
            Issue.record("version 2 accepted")
        } catch {
            #expect(error.code == .unimplemented)
            #expect(error.reason.contains("2"))
        }
    }
}

@Suite struct SettingsTests {
    static let custom: Settings = {
        var settings = Settings()
        settings.maxFrameSize = 16_777_215
        settings.maxMessageSize = 0
        settings.maxConcurrentStreams = 0
        settings.initialStreamWindow = 1
        settings.connectionWindow = 65_536
        return settings
    }()

    @Test func defaultsAreTheSpecs() {
        let settings = Settings()
        #expect(settings.maxFrameSize == 65_536)
        #expect(settings.maxMessageSize == 4_194_304)
        #expect(settings.maxConcurrentStreams == 100)
        #expect(settings.initialStreamWindow == 1_048_576)
        #expect(settings.connectionWindow == 8_388_608)
        #expect(settings.maxMetadataSize == 8_192)
    }

    @Test func encodingIsSixEntriesInIDOrder() throws {
        var buffer = ByteBuffer()
        Self.custom.encode(into: &buffer)
        #expect(buffer.readableBytes == Settings.encodedSize)
        #expect(buffer.readableBytesArray == [
            0, 1, 0x00, 0xff, 0xff, 0xff, 0, 2, 0, 0, 0, 0, 0, 3, 0, 0, 0, 0,
            0, 4, 0, 0, 0, 1, 0, 5, 0, 1, 0, 0, 0, 6, 0, 0, 0x20, 0,
        ])
        #expect(try Settings.decode(buffer, over: Settings()) == Self.custom)
    }

    @Test func missingIDsKeepTheBaseAndUnknownIDsAreIgnored() throws {
        var payload = ByteBuffer()
        payload.writeInteger(UInt16(0x7777))
        payload.writeInteger(UInt32(12))
        payload.writeInteger(UInt16(3))
        payload.writeInteger(UInt32(7))
        var expected = Self.custom
        expected.maxConcurrentStreams = 7
        #expect(try Settings.decode(payload, over: Self.custom) == expected)
        #expect(try Settings.decode(ByteBuffer(), over: Self.custom) == Self.custom)
    }

    static let bounds: [(UInt16, UInt32, Bool)] = [
        (1, 16_383, false), (1, 16_384, true), (1, 16_777_215, true), (1, 16_777_216, false),
        (2, 0, true), (2, 0x7fff_ffff, true), (2, 0x8000_0000, false),
        (3, 0, true), (3, .max, true),
        (4, 0, false), (4, 1, true), (4, 0x7fff_ffff, true), (4, 0x8000_0000, false),
        (5, 65_535, false), (5, 65_536, true), (5, 0x7fff_ffff, true), (5, 0x8000_0000, false),
    ]

    @Test(arguments: bounds)
    func valuesOutsideTheirRangeAreRejected(_ id: UInt16, _ value: UInt32, _ valid: Bool) {
        var payload = ByteBuffer()
        payload.writeInteger(id)
        payload.writeInteger(value)
        do {
            _ = try Settings.decode(payload, over: Settings())
            #expect(valid, "id \(id) value \(value) accepted")
        } catch {
            #expect(!valid, "id \(id) value \(value) rejected: \(error)")
            #expect(error.code == .invalidArgument)
        }
    }

    @Test func payloadNotAMultipleOfSixIsRejected() {
        for length in [1, 5, 7, 11] {
            #expect(throws: WireError.self) { try Settings.decode(ByteBuffer(bytes: [UInt8](repeating: 0, count: length)), over: Settings()) }
        }
    }
}
