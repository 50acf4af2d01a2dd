import AuraBytes
import AuraSchema
import AuraProto
import Testing

/// Decodes `bytes` as `type` of the kitchen-sink schema.
private func decode(_ type: MessageDescriptor, _ buffer: ByteBuffer, schema: ProtoSchema = kitchenSink) throws(ProtoDecodingError) -> DynamicMessage {
    try DynamicMessage(decoding: buffer, as: type, in: schema)
}

/// Bytes written by hand with a `ProtoWriter`.
private func written(_ body: (inout ProtoWriter) -> Void) -> ByteBuffer {
    var writer = ProtoWriter()
    body(&writer)
    return writer.buffer
}

@Suite("Binary decoding")
struct BinaryDecodingTests {
    @Test("documented vectors decode to the documented values")
    func vectors() throws {
        #expect(try decode(sink("Test1"), buffer("08 96 01"))["a"] == .int32(150))
        #expect(try decode(sink("Test2"), buffer("12 07 74 65 73 74 69 6e 67"))["b"] == .string("testing"))
        #expect(try decode(sink("Test3"), buffer("1a 03 08 96 01"))["c"]?.message?["a"] == .int32(150))
        #expect(try decode(sink("Test5"), buffer("32 06 03 8e 02 9e a7 05"))["f"] == .list([.int32(3), .int32(270), .int32(86942)]))
    }

    @Test("every scalar type written by hand with ProtoWriter")
    func handWritten() throws {
        let bytes = written { w in
            w.writeDouble(field: 1, -1.5)
            w.writeFloat(field: 2, 0.25)
            w.writeInt(field: 3, -7)
            w.writeInt(field: 4, Int64.min)
            w.writeUInt(field: 5, UInt64(UInt32.max))
            w.writeUInt(field: 6, UInt64.max)
            w.writeSInt(field: 7, -300)
            w.writeSInt(field: 8, Int64.max)
            w.writeFixed32(field: 9, 0xdead_beef)
            w.writeFixed64(field: 10, 1 << 63)
            w.writeFixed32(field: 11, UInt32(bitPattern: -9))
            w.writeFixed64(field: 12, UInt64(bitPattern: -10))
            w.writeBool(field: 13, true)
            w.writeString(field: 14, "héllo")
            w.writeBytes(field: 15, ByteBuffer(bytes: [1, 2, 255]))
            w.writeInt(field: 16, 2)
        }
        let message = try decode(sink("Scalars"), bytes)
        #expect(message.setFields.map(\.value) == [
            .double(-1.5), .float(0.25), .int32(-7), .int64(Int64.min), .uint32(UInt32.max), .uint64(UInt64.max),
            .int32(-300), .int64(Int64.max), .uint32(0xdead_beef), .uint64(1 << 63), .int32(-9), .int64(-10),
            .bool(true), .string("héllo"), .bytes([1, 2, 255]), .enumNumber(2),
        ])
        #expect(message.encoded() == bytes)
    }

    @Test("repeated scalars are accepted packed and unpacked, even mixed in one message")
    func packedAndUnpacked() throws {
        let type = sink("Repeated")
        let unpacked = written { w in
            w.writeInt(field: 3, 1, always: true)
            w.writeInt(field: 3, -2, always: true)
            w.writeFixed32(field: 9, 7, always: true)
            w.writeDouble(field: 1, 2.5, always: true)
            w.writeSInt(field: 7, -3, always: true)
        }
        let fromUnpacked = try decode(type, unpacked)
        #expect(fromUnpacked["r_int32"] == .list([.int32(1), .int32(-2)]))
        #expect(fromUnpacked["r_fixed32"] == .list([.uint32(7)]))
        #expect(fromUnpacked["r_double"] == .list([.double(2.5)]))
        #expect(fromUnpacked["r_sint32"] == .list([.int32(-3)]))
        // Re-encoding packs them.
        #expect(hex(fromUnpacked.encoded()).hasPrefix("0a 08 00 00 00 00 00 00 04 40 1a 0b 01 fe ff ff ff ff ff ff ff ff 01"))
        #expect(try decode(type, fromUnpacked.encoded()) == fromUnpacked)

        // A packed run, then an unpacked element, then another packed run: all appended in order.
        let mixed = written { w in
            w.writeBytes(field: 3, ByteBuffer(bytes: [1, 2]))
            w.writeInt(field: 3, 3, always: true)
            w.writeBytes(field: 3, ByteBuffer(bytes: [4]))
        }
        #expect(try decode(type, mixed)["r_int32"] == .list([.int32(1), .int32(2), .int32(3), .int32(4)]))
        // A [packed = false] field still reads packed input.
        #expect(try decode(type, buffer("92 01 02 05 06"))["r_unpacked"] == .list([.int32(5), .int32(6)]))
    }

    @Test("a packed fixed-width run whose length is not a multiple of the width is truncated")
    func packedFixedTruncated() {
        #expect(throws: ProtoDecodingError.truncated) { try decode(sink("Repeated"), buffer("4a 03 01 00 00")) }
        #expect(throws: ProtoDecodingError.truncated) { try decode(sink("Repeated"), buffer("1a 02 80 80")) }
    }

    @Test("unknown fields of every wire type are skipped")
    func unknownFields() throws {
        let bytes = written { w in
            w.writeUInt(field: 99, 12345)
            w.writeString(field: 2, "kept")
            w.writeFixed64(field: 100, 1)
            w.writeFixed32(field: 101, 1)
            w.writeBytes(field: 102, ByteBuffer(bytes: [1, 2, 3]))
            w.writeMessage(field: 103) { $0.writeString(field: 1, "nested unknown") }
        }
        let message = try decode(sink("Test2"), bytes)
        #expect(message["b"] == .string("kept"))
        #expect(message.setFields.count == 1)
    }

    @Test("a known field with the wrong wire type is an error")
    func wrongWireType() {
        #expect(throws: ProtoDecodingError.wrongWireType(field: 1, got: .lengthDelimited)) {
            try decode(sink("Test1"), buffer("0a 01 00"))
        }
        #expect(throws: ProtoDecodingError.wrongWireType(field: 2, got: .varint)) {
            try decode(sink("Test2"), buffer("10 01"))
        }
        #expect(throws: ProtoDecodingError.wrongWireType(field: 3, got: .fixed32)) {
            try decode(sink("Test3"), buffer("1d 00 00 00 00"))
        }
        #expect(throws: ProtoDecodingError.wrongWireType(field: 1, got: .fixed32)) {
            try decode(sink("Scalars"), buffer("0d 00 00 00 00"))
        }
    }

    @Test("truncated input, bad tags and invalid UTF-8 are errors")
    func malformed() {
        #expect(throws: ProtoDecodingError.truncated) { try decode(sink("Test2"), buffer("12 07 74 65")) }
        #expect(throws: ProtoDecodingError.truncated) { try decode(sink("Test1"), buffer("08 96")) }
        #expect(throws: ProtoDecodingError.invalidTag(0)) { try decode(sink("Test1"), buffer("00 01")) }
        #expect(throws: ProtoDecodingError.invalidTag(0x0b)) { try decode(sink("Test1"), buffer("0b")) }
        #expect(throws: ProtoDecodingError.invalidUTF8(field: 2)) { try decode(sink("Test2"), buffer("12 02 c3 28")) }
        #expect(throws: ProtoDecodingError.truncated) { try decode(sink("Test3"), buffer("1a 03 08 96")) }
        #expect(throws: ProtoDecodingError.truncated) { try decode(sink("Test3"), buffer("1a 02 08 96 01")) }
    }

    @Test("the last value of a repeated singular field wins; a repeated message field merges")
    func lastWinsAndMerge() throws {
        #expect(try decode(sink("Test1"), buffer("08 01 08 02"))["a"] == .int32(2))
        let outer = written { w in
            w.writeMessage(field: 1) { $0.writeInt(field: 1, 1) }
            w.writeMessage(field: 1) { $0.writeMessage(field: 2) { $0.writeInt(field: 1, 1) } }
        }
        let inner = try #require(try decode(sink("Outer"), outer)["inner"]?.message)
        #expect(inner["level"] == .enumNumber(1))
        #expect(inner["child"]?.message?["level"] == .enumNumber(1))
    }

    @Test("int32 and uint32 values wider than 32 bits are truncated, as protobuf does")
    func narrowing() throws {
        let scalars = sink("Scalars")
        #expect(try decode(scalars, buffer("18 ff ff ff ff 0f"))["f_int32"] == .int32(-1))
        #expect(try decode(scalars, buffer("28 80 80 80 80 10"))["f_uint32"] == nil)
        #expect(try decode(scalars, buffer("28 81 80 80 80 10"))["f_uint32"] == .uint32(1))
    }

    @Test("oneof: the last member on the wire wins")
    func oneofLastWins() throws {
        let outer = try decode(sink("Outer"), buffer("22 01 78 28 07"))
        #expect(outer["name"] == nil)
        #expect(outer["id"] == .int64(7))
    }

    @Test("maps: entries with missing keys or values take defaults; a repeated key replaces")
    func maps() throws {
        let bytes = written { w in
            w.writeMessage(field: 7) { $0.writeString(field: 1, "a"); $0.writeInt(field: 2, 1) }
            w.writeMessage(field: 7) { $0.writeInt(field: 2, 5) }
            w.writeMessage(field: 7) { $0.writeString(field: 1, "a"); $0.writeInt(field: 2, 3) }
            w.writeMessage(field: 8) { $0.writeInt(field: 1, -1) }
            w.writeMessage(field: 9) { $0.writeBool(field: 1, true); $0.writeString(field: 2, "yes"); $0.writeUInt(field: 3, 9) }
        }
        let outer = try decode(sink("Outer"), bytes)
        #expect(outer["counts"] == .map([.init(key: .string("a"), value: .int32(3)), .init(key: .string(""), value: .int32(5))]))
        #expect(outer["by_id"] == .map([.init(key: .int64(-1), value: .message(DynamicMessage(sink("Outer.Inner"))))]))
        #expect(outer["flags"] == .map([.init(key: .bool(true), value: .string("yes"))]))
        #expect(try decode(sink("Outer"), outer.encoded()) == outer)
    }

    @Test("messages nested more than 100 deep are refused")
    func depth() throws {
        var bytes = ByteBuffer(bytes: [])
        for _ in 0..<150 {
            var writer = ProtoWriter()
            writer.writeBytes(field: 2, bytes, always: true)
            bytes = writer.buffer
        }
        #expect(throws: ProtoDecodingError.tooDeep) {
            try decode(sink("Outer.Inner"), bytes)
        }
    }

    @Test("aura.proto: a CallHeaders written by hand as the server would see it")
    func callHeaders() throws {
        let bytes = written { w in
            w.writeString(field: 1, "/aura.Health/Check")
            w.writeMessage(field: 2) { $0.writeString(field: 1, "x-aura-echo-initial"); $0.writeString(field: 2, "v") }
            w.writeUInt(field: 3, 1_000_000)
            w.writeString(field: 5, "deflate")
            w.writeString(field: 5, "identity")
        }
        let headers = try DynamicMessage(decoding: bytes, as: aura("CallHeaders"), in: .aura)
        #expect(headers.jsonString()
            == #"{"method":"/aura.Health/Check","metadata":[{"key":"x-aura-echo-initial","value":"dg=="}],"timeoutMicros":"1000000","acceptEncoding":["deflate","identity"]}"#)
        #expect(headers.encoded() == bytes)
    }
}
