import AuraBytes
import AuraProto
import Testing

/// Reads one varint from `hex`.
private func varint(_ hex: String) throws(ProtoDecodingError) -> UInt64 {
    var reader = ProtoReader(buffer(hex))
    return try reader.readVarint()
}

/// The bytes of `body` written with a fresh `ProtoWriter`.
private func written(_ body: (inout ProtoWriter) -> Void) -> ByteBuffer {
    var writer = ProtoWriter()
    body(&writer)
    return writer.buffer
}

@Suite("AuraWire ProtoWriter and ProtoReader edge cases")
struct ProtoWireEdgeCaseTests {
    @Test("varints at every length boundary round-trip, up to ten bytes for UInt64.max")
    func varintBoundaries() throws {
        var values: [UInt64] = [0, 1, UInt64.max, UInt64.max - 1, 1 << 63]
        for bits in stride(from: 7, through: 63, by: 7) { values += [(1 << UInt64(bits)) - 1, 1 << UInt64(bits)] }
        for value in values {
            let bytes = written { $0.writeVarint(value) }
            let expectedLength = max(1, (64 - value.leadingZeroBitCount + 6) / 7)
            #expect(bytes.readableBytes == expectedLength, "varint \(value)")
            var reader = ProtoReader(bytes)
            #expect(try reader.readVarint() == value)
            #expect(reader.isAtEnd)
        }
        #expect(hex(written { $0.writeVarint(UInt64.max) }) == "ff ff ff ff ff ff ff ff ff 01")
        #expect(hex(written { $0.writeVarint(150) }) == "96 01")
    }

    @Test("malformed varints: an eleventh byte, or a tenth byte above 1")
    func malformedVarints() throws {
        #expect(throws: ProtoDecodingError.malformedVarint) { try varint("ff ff ff ff ff ff ff ff ff ff 01") }
        #expect(throws: ProtoDecodingError.malformedVarint) { try varint("ff ff ff ff ff ff ff ff ff 02") }
        #expect(throws: ProtoDecodingError.malformedVarint) { try varint("80 80 80 80 80 80 80 80 80 80 00") }
        #expect(throws: ProtoDecodingError.truncated) { try varint("ff ff") }
        #expect(throws: ProtoDecodingError.truncated) { try varint("") }
        // Over-long but in range encodings of small numbers are accepted, as protobuf does.
        #expect(try varint("80 80 80 00") == 0)
        #expect(try varint("ff ff ff ff ff ff ff ff ff 01") == UInt64.max)
    }

    @Test("zigzag: 0, -1, 1, -2 map to 0, 1, 2, 3; the extremes round-trip")
    func zigzag() throws {
        let cases: [(Int64, String)] = [
            (0, "08 00"), (-1, "08 01"), (1, "08 02"), (-2, "08 03"), (2_147_483_647, "08 fe ff ff ff 0f"),
            (-2_147_483_648, "08 ff ff ff ff 0f"), (Int64.max, "08 fe ff ff ff ff ff ff ff ff 01"),
            (Int64.min, "08 ff ff ff ff ff ff ff ff ff 01"),
        ]
        for (value, encoding) in cases {
            let bytes = written { $0.writeSInt(field: 1, value, always: true) }
            #expect(hex(bytes) == encoding, "sint \(value)")
            var reader = ProtoReader(bytes)
            let field = try #require(try reader.nextField())
            #expect(try reader.readSInt(field) == value)
        }
    }

    @Test("a truncated length-delimited field is refused by read, string and skip alike")
    func truncatedLength() throws {
        for read in [0, 1, 2] {
            var reader = ProtoReader(buffer("12 05 61 62"))
            let field = try #require(try reader.nextField())
            #expect(throws: ProtoDecodingError.truncated) {
                switch read {
                case 0: _ = try reader.readBytes(field)
                case 1: _ = try reader.readString(field)
                default: try reader.skip(field)
                }
            }
        }
    }

    @Test("a length near 2^64 is refused before anything is allocated")
    func hugeLength() throws {
        var reader = ProtoReader(buffer("12 ff ff ff ff ff ff ff ff ff 01 00"))
        let field = try #require(try reader.nextField())
        #expect(throws: ProtoDecodingError.truncated) { _ = try reader.readBytes(field) }
        var skipper = ProtoReader(buffer("12 ff ff ff ff ff ff ff ff 7f 00"))
        let skipped = try #require(try skipper.nextField())
        #expect(throws: ProtoDecodingError.truncated) { try skipper.skip(skipped) }
    }

    @Test("truncated fixed-width values and skips")
    func truncatedFixed() throws {
        var reader = ProtoReader(buffer("09 00 00 00"))
        let field = try #require(try reader.nextField())
        #expect(throws: ProtoDecodingError.truncated) { _ = try reader.readFixed64(field) }
        var skipper = ProtoReader(buffer("0d 00 00"))
        let skipped = try #require(try skipper.nextField())
        #expect(throws: ProtoDecodingError.truncated) { try skipper.skip(skipped) }
    }

    @Test("tags: field 0, groups, wire types 6 and 7, and numbers past 2^29 - 1 are invalid")
    func tags() throws {
        for tag: UInt64 in [0, 3, 4, 6, 7, 0x0b, 0x0c, UInt64(536_870_912) << 3] {
            var reader = ProtoReader(written { $0.writeVarint(tag) })
            #expect(throws: ProtoDecodingError.invalidTag(tag)) { _ = try reader.nextField() }
        }
        var reader = ProtoReader(written { $0.writeTag(field: 536_870_911, wireType: .fixed32) })
        #expect(try reader.nextField()?.number == 536_870_911)
    }

    @Test("nested message lengths are back-patched for bodies of 0, 127, 128, 16383, 16384 and 2^21 bytes", arguments: [0, 127, 128, 16383, 16384, 1 << 21])
    func backPatching(size: Int) throws {
        let body = [UInt8]((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let bytes = written { writer in
            writer.writeUInt(field: 1, 42)
            writer.writeMessage(field: 2) { nested in body.withUnsafeBytes { nested.writeBytes(field: 1, $0, always: true) } }
            writer.writeUInt(field: 3, 7)
        }
        // The nested message is tag 0a, its varint length, then the body's bytes.
        var expected = ProtoWriter()
        expected.writeUInt(field: 1, 42)
        expected.writeTag(field: 2, wireType: .lengthDelimited)
        var inner = ProtoWriter()
        body.withUnsafeBytes { inner.writeBytes(field: 1, $0, always: true) }
        expected.writeVarint(UInt64(inner.buffer.readableBytes))
        var whole = expected.buffer
        whole.writeBuffer(inner.buffer)
        var tail = ProtoWriter()
        tail.writeUInt(field: 3, 7)
        whole.writeBuffer(tail.buffer)
        #expect(bytes == whole)

        var reader = ProtoReader(bytes)
        #expect(try reader.readUInt(try #require(try reader.nextField())) == 42)
        var nested = ProtoReader(try reader.readBytes(try #require(try reader.nextField())))
        #expect(try nested.readBytes(try #require(try nested.nextField())).readableBytesArray == body)
        #expect(nested.isAtEnd)
        #expect(try reader.readUInt(try #require(try reader.nextField())) == 7)
        #expect(reader.isAtEnd)
    }

    @Test("empty and deeply nested messages are back-patched at every level")
    func nestedBackPatching() throws {
        #expect(hex(written { $0.writeMessage(field: 1) { _ in } }) == "0a 00")
        let twoLevels = written { w in
            w.writeMessage(field: 1) { w in
                w.writeMessage(field: 2) { w in w.writeString(field: 3, String(repeating: "x", count: 200)) }
            }
        }
        // 200-byte string: 1a c8 01 + 200 = 203; level 2: 12 cb 01 + 203 = 206; level 1: 0a ce 01.
        #expect(Array(twoLevels.readableBytesArray.prefix(9)) == bytes("0a ce 01 12 cb 01 1a c8 01"))
        #expect(twoLevels.readableBytes == 209)
    }

    @Test("back-patching works on a writer appending to a buffer whose reader index has moved")
    func appendingToAConsumedBuffer() throws {
        var start = ByteBuffer(bytes: [0xaa, 0xbb, 0xcc])
        _ = start.readInteger(as: UInt16.self)
        var writer = ProtoWriter(appendingTo: start)
        writer.writeMessage(field: 1) { $0.writeUInt(field: 1, 1) }
        #expect(hex(writer.buffer) == "cc 0a 02 08 01")
    }

    @Test("back-patching leaves a copy of the buffer taken before it untouched")
    func copyOnWrite() throws {
        var writer = ProtoWriter()
        writer.writeUInt(field: 1, 1)
        let snapshot = writer.buffer
        writer.writeMessage(field: 2) { $0.writeUInt(field: 1, 5) }
        #expect(hex(snapshot) == "08 01")
        #expect(hex(writer.buffer) == "08 01 12 02 08 05")
    }

    @Test("readString refuses invalid UTF-8; readBytes takes the same bytes")
    func invalidUTF8() throws {
        var reader = ProtoReader(buffer("0a 02 ff fe"))
        let field = try #require(try reader.nextField())
        #expect(throws: ProtoDecodingError.invalidUTF8(field: 1)) { _ = try reader.readString(field) }
        var bytesReader = ProtoReader(buffer("0a 02 ff fe"))
        let bytesField = try #require(try bytesReader.nextField())
        #expect(try bytesReader.readBytes(bytesField).readableBytesArray == [0xff, 0xfe])
    }

    @Test("ProtoWriter writes -0.0, which is not the default 0.0 (as protobuf does)")
    func negativeZero() {
        #expect(written { $0.writeDouble(field: 1, -0.0) }.readableBytes == 9)
        #expect(written { $0.writeDouble(field: 1, 0.0) }.readableBytes == 0)
        #expect(written { $0.writeDouble(field: 1, -0.0, always: true) }.readableBytes == 9)
    }
}
