import AuraBytes
import Testing
@testable import AuraWire

@Suite struct MetadataTests {
    @Test func keysAreLowercasedAndOrderAndDuplicatesKept() {
        var metadata = Metadata()
        metadata.add("X-Trace", "1")
        metadata.add("x-trace", "2")
        metadata.add("blob-bin", bytes: [0, 0xff])
        #expect(metadata.count == 3)
        #expect(metadata.map(\.key) == ["x-trace", "x-trace", "blob-bin"])
        #expect(metadata["X-TRACE"] == "1")
        #expect(metadata.first("blob-bin")?.value == [0, 0xff])
        #expect(metadata["missing"] == nil)
        #expect(!metadata.isEmpty && Metadata().isEmpty)
    }

    @Test func dictionaryLiteralAddsTextEntries() {
        let metadata: Metadata = ["A": "x", "b": "y"]
        #expect(metadata.map(\.key) == ["a", "b"])
        #expect(metadata.map(\.text) == ["x", "y"])
    }

    @Test func textRepairsInvalidUTF8() {
        var metadata = Metadata()
        metadata.add("k-bin", bytes: [0x61, 0xff])
        #expect(metadata.first("k-bin")?.text == "a\u{FFFD}")
    }

    @Test(arguments: [
        ("x-user", true), ("a.b_c-9", true), ("", false), ("X-User", false), ("x user", false),
        ("x:y", false), ("é", false), ("aura-reserved", true),
    ])
    func validKeys(_ key: String, _ valid: Bool) {
        #expect(Metadata.isValidKey(key) == valid)
    }
}

@Suite struct CallHeadersTests {
    static let full: CallHeaders = {
        var metadata = Metadata()
        metadata.add("x-request-id", "42")
        metadata.add("trace-bin", bytes: Array(0...255))  // a nested length of two varint bytes
        metadata.add("x-empty", "")
        metadata.add("x-request-id", "43")
        return CallHeaders(
            method: "/aura.TestService/FullDuplexCall", metadata: metadata, timeoutMicros: 1 << 40,
            messageEncoding: "deflate", acceptEncoding: ["deflate", "", "identity"])
    }()

    @Test func fullHeadersRoundTrip() throws {
        #expect(try CallHeaders(decoding: Self.full.encoded()) == Self.full)
    }

    @Test func emptyHeadersEncodeToNothing() throws {
        #expect(CallHeaders().encoded().readableBytes == 0)
        #expect(try CallHeaders(decoding: ByteBuffer()) == CallHeaders())
    }

    @Test func encodingMatchesProtobufByHand() {
        let headers = CallHeaders(method: "a.B/C", metadata: ["k": "v"], timeoutMicros: 300, messageEncoding: "deflate")
        #expect(headers.encoded().readableBytesArray == [
            0x0a, 5, 0x61, 0x2e, 0x42, 0x2f, 0x43,             // 1: method
            0x12, 6, 0x0a, 1, 0x6b, 0x12, 1, 0x76,             // 2: MetadataEntry { key: "k", value: "v" }
            0x18, 0xac, 0x02,                                  // 3: timeout 300
            0x22, 7, 0x64, 0x65, 0x66, 0x6c, 0x61, 0x74, 0x65, // 4: "deflate"
        ])
    }

    @Test func normalizedMethodDropsOneLeadingSlash() {
        #expect(CallHeaders(method: "/a.B/C").normalizedMethod == "a.B/C")
        #expect(CallHeaders(method: "a.B/C").normalizedMethod == "a.B/C")
    }

    @Test func unknownFieldsOfEveryWireTypeAreSkipped() throws {
        var writer = ProtoWriter()
        writer.writeUInt(field: 99, 12345)
        writer.writeString(field: 1, "a.B/C")
        writer.writeFixed64(field: 100, .max)
        writer.writeMessage(field: 2) { entry in
            entry.writeString(field: 1, "k")
            entry.writeFixed32(field: 7, 1)
            entry.writeBytes(field: 2, .of([1, 2]))
        }
        writer.writeFixed32(field: 101, 7)
        writer.writeString(field: 102, "later field")
        writer.writeMessage(field: 103) { $0.writeUInt(field: 1, 1) }
        writer.writeUInt(field: 3, 9)
        writer.writeUInt(field: 0x1fff_ffff, 1)
        var metadata = Metadata()
        metadata.add("k", bytes: [1, 2])
        #expect(try CallHeaders(decoding: writer.buffer) == CallHeaders(method: "a.B/C", metadata: metadata, timeoutMicros: 9))
    }

    @Test func malformedPayloadsThrow() {
        // method as a varint: wrong wire type.
        #expect(throws: ProtoDecodingError.wrongWireType(field: 1, got: .varint)) { try CallHeaders(decoding: .of([0x08, 1])) }
        // method with invalid UTF-8.
        #expect(throws: ProtoDecodingError.invalidUTF8(field: 1)) { try CallHeaders(decoding: .of([0x0a, 1, 0xff])) }
        // length past the end.
        #expect(throws: ProtoDecodingError.truncated) { try CallHeaders(decoding: .of([0x0a, 5, 0x61])) }
        // a group (wire type 3).
        #expect(throws: ProtoDecodingError.invalidTag(0x0b)) { try CallHeaders(decoding: .of([0x0b])) }
        // field number 0.
        #expect(throws: ProtoDecodingError.invalidTag(0x02)) { try CallHeaders(decoding: .of([0x02, 0])) }
        // a broken MetadataEntry.
        #expect(throws: ProtoDecodingError.truncated) { try CallHeaders(decoding: .of([0x12, 2, 0x0a, 4])) }
    }
}

@Suite struct CallTrailersTests {
    @Test func roundTripWithMetadata() throws {
        var metadata = Metadata()
        metadata.add("x-aura-echo-trailing-bin", bytes: [0xca, 0xfe])
        let trailers = CallTrailers(code: .dataLoss, message: "lost ✗", metadata: metadata)
        #expect(try CallTrailers(decoding: trailers.encoded()) == trailers)
    }

    @Test func okTrailersEncodeToNothing() throws {
        #expect(CallTrailers().encoded().readableBytes == 0)
        #expect(try CallTrailers(decoding: ByteBuffer()) == CallTrailers(code: .ok))
    }

    @Test func codeAbove16IsUnknown() throws {
        var writer = ProtoWriter()
        writer.writeUInt(field: 1, 17)
        writer.writeString(field: 2, "from the future")
        #expect(try CallTrailers(decoding: writer.buffer) == CallTrailers(code: .unknown, message: "from the future"))
    }

    @Test func unknownFieldsAreSkipped() throws {
        var writer = ProtoWriter()
        writer.writeUInt(field: 1, 5)
        writer.writeDouble(field: 4, 2.5)
        writer.writeString(field: 2, "missing")
        writer.writeFloat(field: 5, 1.5)
        #expect(try CallTrailers(decoding: writer.buffer) == CallTrailers(code: .notFound, message: "missing"))
    }
}

@Suite struct ProtoCodecTests {
    static let varintCases: [(UInt64, [UInt8])] = [
        (0, [0]), (1, [1]), (127, [0x7f]), (128, [0x80, 1]), (300, [0xac, 2]),
        (UInt64(UInt32.max), [0xff, 0xff, 0xff, 0xff, 0x0f]),
        (.max, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1]),
    ]

    @Test(arguments: varintCases)
    func varints(_ value: UInt64, _ encoded: [UInt8]) throws {
        var writer = ProtoWriter()
        writer.writeVarint(value)
        #expect(writer.buffer.readableBytesArray == encoded)
        var reader = ProtoReader(writer.buffer)
        let decoded = try reader.readVarint()
        #expect(decoded == value)
        #expect(reader.isAtEnd)
    }

    @Test func overlongVarintsAreMalformed() {
        var eleven = ProtoReader(.of([UInt8](repeating: 0x80, count: 10) + [0]))
        #expect(throws: ProtoDecodingError.malformedVarint) { _ = try eleven.readVarint() }
        var tooBig = ProtoReader(.of([UInt8](repeating: 0xff, count: 9) + [2]))
        #expect(throws: ProtoDecodingError.malformedVarint) { _ = try tooBig.readVarint() }
        var cut = ProtoReader(.of([0x80, 0x80]))
        #expect(throws: ProtoDecodingError.truncated) { _ = try cut.readVarint() }
    }

    @Test func scalarsRoundTrip() throws {
        var writer = ProtoWriter()
        writer.writeInt(field: 1, -1)
        writer.writeSInt(field: 2, -3)
        writer.writeSInt(field: 3, .min)
        writer.writeBool(field: 4, true)
        writer.writeDouble(field: 5, -0.25)
        writer.writeFloat(field: 6, 3.5)
        writer.writeFixed32(field: 7, 0xdead_beef)
        writer.writeFixed64(field: 8, 0x0102_0304_0506_0708)
        writer.writeMessage(field: 9) { $0.writeString(field: 1, String(repeating: "x", count: 200)) }
        writer.writeUInt(field: 10, 0)  // skipped: default
        writer.writeUInt(field: 11, 0, always: true)

        var reader = ProtoReader(writer.buffer)
        func next() throws -> ProtoReader.Field { try #require(try reader.nextField()) }
        let int = try reader.readInt(next())
        let sint = try reader.readSInt(next())
        let sintMin = try reader.readSInt(next())
        let bool = try reader.readBool(next())
        let double = try reader.readDouble(next())
        let float = try reader.readFloat(next())
        let fixed32 = try reader.readFixed32(next())
        let fixed64 = try reader.readFixed64(next())
        let nested = try reader.readBytes(next())
        let last = try next()
        let zero = try reader.readUInt(last)
        let end = try reader.nextField()
        #expect(int == -1 && sint == -3 && sintMin == .min && bool)
        #expect(double == -0.25 && float == 3.5)
        #expect(fixed32 == 0xdead_beef && fixed64 == 0x0102_0304_0506_0708)
        var inner = ProtoReader(nested)
        let innerField = try #require(try inner.nextField())
        let text = try inner.readString(innerField)
        #expect(text == String(repeating: "x", count: 200))
        #expect(last == ProtoReader.Field(number: 11, wireType: .varint))
        #expect(zero == 0 && end == nil)
    }

    @Test func negativeZeroIsNotTheDefault() throws {
        var writer = ProtoWriter()
        writer.writeDouble(field: 1, 0)
        writer.writeFloat(field: 2, 0)
        #expect(writer.buffer.readableBytes == 0, "+0 is the default and is skipped")
        writer.writeDouble(field: 1, -0.0)
        writer.writeFloat(field: 2, -0.0)
        var reader = ProtoReader(writer.buffer)
        let double = try reader.readDouble(#require(try reader.nextField()))
        let float = try reader.readFloat(#require(try reader.nextField()))
        #expect(double.sign == .minus && double == 0)
        #expect(float.sign == .minus && float == 0)
    }

    @Test func rawMessageKeepsItsBytesAndNestsAsIs() throws {
        let inner = CallTrailers(code: .aborted, message: "raw").encoded()
        let raw = RawMessage(decoding: inner)
        #expect(raw.encoded() == inner)
        var writer = ProtoWriter()
        writer.writeMessage(field: 4, raw)
        var reader = ProtoReader(writer.buffer)
        let field = try #require(try reader.nextField())
        let nested: CallTrailers = try reader.readMessage(field)
        #expect(field.number == 4)
        #expect(nested == CallTrailers(code: .aborted, message: "raw"))
    }

    @Test func minusOneIsTenBytes() {
        var writer = ProtoWriter()
        writer.writeInt(field: 1, -1)
        #expect(writer.buffer.readableBytes == 11)
    }

    @Test func skipHandlesEveryWireTypeAndTruncation() throws {
        var reader = ProtoReader(.of([0x09, 1, 2, 3]))  // fixed64 with only 3 bytes
        let field = try #require(try reader.nextField())
        #expect(throws: ProtoDecodingError.truncated) { try reader.skip(field) }
        var groups = ProtoReader(.of([0x0c]))  // end group
        #expect(throws: ProtoDecodingError.invalidTag(0x0c)) { _ = try groups.nextField() }
        var wireSeven = ProtoReader(.of([0x0f]))
        #expect(throws: ProtoDecodingError.invalidTag(0x0f)) { _ = try wireSeven.nextField() }
    }
}
