import AuraBytes
import AuraSchema
import AuraProto
import Testing

/// A message of `type` with `fields` set, failing the test on a bad value.
func make(_ type: MessageDescriptor, _ fields: [(String, DynamicMessage.Value)]) throws -> DynamicMessage {
    var message = DynamicMessage(type)
    for (name, value) in fields { try message.set(name, to: value) }
    return message
}

@Suite("Binary encoding matches protobuf's documented bytes")
struct BinaryEncodingTests {
    @Test("field 1 varint 150 is 08 96 01")
    func varint150() throws {
        #expect(hex(try make(sink("Test1"), [("a", .int32(150))]).encoded()) == "08 96 01")
    }

    @Test("string \"testing\" in field 2 is 12 07 74 65 73 74 69 6e 67")
    func string() throws {
        #expect(hex(try make(sink("Test2"), [("b", .string("testing"))]).encoded()) == "12 07 74 65 73 74 69 6e 67")
    }

    @Test("a nested message: Test3 { c: { a: 150 } } is 1a 03 08 96 01")
    func nested() throws {
        let inner = try make(sink("Test1"), [("a", .int32(150))])
        #expect(hex(try make(sink("Test3"), [("c", .message(inner))]).encoded()) == "1a 03 08 96 01")
    }

    @Test("proto3 packs repeated scalars: Test4 { d: \"hello\", e: [1, 2, 3] }")
    func packedByDefault() throws {
        let message = try make(sink("Test4"), [("d", .string("hello")), ("e", .list([.int32(1), .int32(2), .int32(3)]))])
        #expect(hex(message.encoded()) == "22 05 68 65 6c 6c 6f 2a 03 01 02 03")
    }

    @Test("Test5 { f: [3, 270, 86942] } is 32 06 03 8e 02 9e a7 05")
    func packed() throws {
        let message = try make(sink("Test5"), [("f", .list([.int32(3), .int32(270), .int32(86942)]))])
        #expect(hex(message.encoded()) == "32 06 03 8e 02 9e a7 05")
    }

    @Test("negative int32 takes ten bytes; sint32 zigzags; sfixed32 is four bytes")
    func signedIntegers() throws {
        let scalars = sink("Scalars")
        #expect(hex(try make(scalars, [("f_int32", .int32(-2))]).encoded()) == "18 fe ff ff ff ff ff ff ff ff 01")
        #expect(hex(try make(scalars, [("f_sint32", .int32(-2))]).encoded()) == "38 03")
        #expect(hex(try make(scalars, [("f_sint32", .int32(Int32.min))]).encoded()) == "38 ff ff ff ff 0f")
        #expect(hex(try make(scalars, [("f_sint64", .int64(Int64.min))]).encoded()) == "40 ff ff ff ff ff ff ff ff ff 01")
        #expect(hex(try make(scalars, [("f_sfixed32", .int32(-2))]).encoded()) == "5d fe ff ff ff")
        #expect(hex(try make(scalars, [("f_sfixed64", .int64(-2))]).encoded()) == "61 fe ff ff ff ff ff ff ff")
        #expect(hex(try make(scalars, [("f_color", .enumNumber(-1))]).encoded()) == "80 01 ff ff ff ff ff ff ff ff ff 01")
    }

    @Test("floating point, fixed, bool and bytes")
    func otherScalars() throws {
        let scalars = sink("Scalars")
        #expect(hex(try make(scalars, [("f_double", .double(1))]).encoded()) == "09 00 00 00 00 00 00 f0 3f")
        #expect(hex(try make(scalars, [("f_float", .float(1))]).encoded()) == "15 00 00 80 3f")
        #expect(hex(try make(scalars, [("f_fixed32", .uint32(1))]).encoded()) == "4d 01 00 00 00")
        #expect(hex(try make(scalars, [("f_fixed64", .uint64(UInt64.max))]).encoded()) == "51 ff ff ff ff ff ff ff ff")
        #expect(hex(try make(scalars, [("f_uint64", .uint64(UInt64.max))]).encoded()) == "30 ff ff ff ff ff ff ff ff ff 01")
        #expect(hex(try make(scalars, [("f_bool", .bool(true))]).encoded()) == "68 01")
        #expect(hex(try make(scalars, [("f_bytes", .bytes([0, 0xff]))]).encoded()) == "7a 02 00 ff")
    }

    @Test("default values are not written, but -0.0 is, and optional fields are when set")
    func defaults() throws {
        let scalars = sink("Scalars")
        let zeros = try make(scalars, [
            ("f_int32", .int32(0)), ("f_string", .string("")), ("f_bool", .bool(false)),
            ("f_bytes", .bytes([])), ("f_double", .double(0)), ("f_color", .enumNumber(0)),
        ])
        #expect(zeros.encoded().readableBytes == 0)
        #expect(zeros.setFields.isEmpty)
        #expect(zeros == DynamicMessage(scalars))
        #expect(hex(try make(scalars, [("f_double", .double(-0.0))]).encoded()) == "09 00 00 00 00 00 00 00 80")
        #expect(hex(try make(sink("Outer"), [("maybe", .int32(0))]).encoded()) == "18 00")
        #expect(hex(try make(sink("Outer"), [("name", .string(""))]).encoded()) == "22 00")
    }

    @Test("an empty nested message is still written (it is present)")
    func emptyNestedMessage() throws {
        let response = try make(aura("SimpleResponse"), [("payload", .message(DynamicMessage(aura("Payload"))))])
        #expect(hex(response.encoded()) == "0a 00")
    }

    @Test("repeated strings, messages and [packed = false] numbers are written one tag per element")
    func unpackedRepeated() throws {
        let repeated = sink("Repeated")
        #expect(hex(try make(repeated, [("r_string", .list([.string("a"), .string("")]))]).encoded()) == "72 01 61 72 00")
        #expect(hex(try make(repeated, [("r_unpacked", .list([.int32(1), .int32(0)]))]).encoded()) == "90 01 01 90 01 00")
        let element = try make(sink("Scalars"), [("f_bool", .bool(true))])
        #expect(hex(try make(repeated, [("r_message", .list([.message(element), .message(DynamicMessage(sink("Scalars")))]))]).encoded())
            == "8a 01 02 68 01 8a 01 00")
    }

    @Test("packed fixed-width and zigzag lists")
    func packedKinds() throws {
        let repeated = sink("Repeated")
        #expect(hex(try make(repeated, [("r_fixed32", .list([.uint32(1), .uint32(2)]))]).encoded()) == "4a 08 01 00 00 00 02 00 00 00")
        #expect(hex(try make(repeated, [("r_sint32", .list([.int32(-1), .int32(1)]))]).encoded()) == "3a 02 01 02")
        #expect(hex(try make(repeated, [("r_bool", .list([.bool(true), .bool(false)]))]).encoded()) == "6a 02 01 00")
        #expect(hex(try make(repeated, [("r_double", .list([.double(1)]))]).encoded()) == "0a 08 00 00 00 00 00 00 f0 3f")
    }

    @Test("map entries are nested key/value messages")
    func maps() throws {
        let message = try make(sink("Outer"), [("counts", .map([.init(key: .string("a"), value: .int32(1))]))])
        #expect(hex(message.encoded()) == "3a 05 0a 01 61 10 01")
        let zero = try make(sink("Outer"), [("counts", .map([.init(key: .string(""), value: .int32(0))]))])
        #expect(hex(zero.encoded()) == "3a 04 0a 00 10 00")
    }

    @Test("set(_:to:) refuses values of the wrong kind and unknown names")
    func setChecks() throws {
        var message = DynamicMessage(sink("Scalars"))
        #expect(throws: DynamicMessageError.invalidValue(path: "f_int32", reason: "expected int32, got a string")) {
            try message.set("f_int32", to: .string("1"))
        }
        #expect(throws: DynamicMessageError.unknownField("nope", message: "test.sink.Scalars")) {
            try message.set("nope", to: .int32(1))
        }
        var repeated = DynamicMessage(sink("Repeated"))
        #expect(throws: DynamicMessageError.self) { try repeated.set("r_int32", to: .int32(1)) }
        #expect(throws: DynamicMessageError.self) { try repeated.set("r_message", to: .list([.message(DynamicMessage(sink("Outer")))])) }
        var outer = DynamicMessage(sink("Outer"))
        #expect(throws: DynamicMessageError.self) {
            try outer.set("counts", to: .map([.init(key: .string("a"), value: .int32(1)), .init(key: .string("a"), value: .int32(2))]))
        }
        try message.set("fInt32", to: .int32(7))
        #expect(message["f_int32"] == .int32(7))
        message.clear("f_int32")
        #expect(message["fInt32"] == nil)
    }

    @Test("setting a oneof member clears the others")
    func oneof() throws {
        var outer = try make(sink("Outer"), [("name", .string("x"))])
        try outer.set("id", to: .int64(5))
        #expect(outer["name"] == nil)
        #expect(outer["id"] == .int64(5))
        #expect(hex(outer.encoded()) == "28 05")
    }
}
