import AuraBytes
import AuraSchema
import AuraProto
import Foundation

/// The repository's root, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The bytes of `Protocol/aura.proto` as checked in.
func auraProtoFileBytes() throws -> [UInt8] {
    [UInt8](try Data(contentsOf: repositoryRoot.appendingPathComponent("Protocol/aura.proto")))
}

/// Bytes from hex digits, spaces ignored: `bytes("08 96 01")`.
func bytes(_ hex: String) -> [UInt8] {
    let digits = Array(hex.filter { !$0.isWhitespace })
    return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

/// A buffer holding `hex`.
func buffer(_ hex: String) -> ByteBuffer { ByteBuffer(bytes: bytes(hex)) }

/// The readable bytes of `buffer` as spaced hex, for readable failures.
func hex(_ buffer: ByteBuffer) -> String {
    buffer.readableBytesArray.map { $0.hexString }.joined(separator: " ")
}

/// Spaced hex of `bytes`.
func hex(_ bytes: [UInt8]) -> String { hex(ByteBuffer(bytes: bytes)) }

extension UInt8 {
    var hexString: String { [self].hexString }
}

/// A schema with every scalar type, repeated and packed fields, maps, oneofs, optional fields,
/// nested types and the examples of protobuf's encoding guide.
let kitchenSinkProto = """
    syntax = "proto3";
    package test.sink;

    /* The examples of https://protobuf.dev/programming-guides/encoding/ */
    message Test1 { int32 a = 1; }
    message Test2 { string b = 2; }
    message Test3 { Test1 c = 3; }
    message Test4 { string d = 4; repeated int32 e = 5; }
    message Test5 { repeated int32 f = 6 [packed = true]; }

    enum Color { COLOR_UNSPECIFIED = 0; RED = 1; GREEN = 2; NEGATIVE = -1; }

    message Scalars {
      double f_double = 1;
      float f_float = 2;
      int32 f_int32 = 3;
      int64 f_int64 = 4;
      uint32 f_uint32 = 5;
      uint64 f_uint64 = 6;
      sint32 f_sint32 = 7;
      sint64 f_sint64 = 8;
      fixed32 f_fixed32 = 9;
      fixed64 f_fixed64 = 10;
      sfixed32 f_sfixed32 = 11;
      sfixed64 f_sfixed64 = 12;
      bool f_bool = 13;
      string f_string = 14;
      bytes f_bytes = 15;
      Color f_color = 16;
    }

    message Repeated {
      repeated double r_double = 1;
      repeated float r_float = 2;
      repeated int32 r_int32 = 3;
      repeated int64 r_int64 = 4;
      repeated uint32 r_uint32 = 5;
      repeated uint64 r_uint64 = 6;
      repeated sint32 r_sint32 = 7;
      repeated sint64 r_sint64 = 8;
      repeated fixed32 r_fixed32 = 9;
      repeated fixed64 r_fixed64 = 10;
      repeated sfixed32 r_sfixed32 = 11;
      repeated sfixed64 r_sfixed64 = 12;
      repeated bool r_bool = 13;
      repeated string r_string = 14;
      repeated bytes r_bytes = 15;
      repeated Color r_color = 16;
      repeated Scalars r_message = 17;
      repeated int32 r_unpacked = 18 [packed = false];
    }

    message Outer {
      message Inner {
        enum Level { LOW = 0; HIGH = 1; }
        Level level = 1;
        Inner child = 2;
      }
      Inner inner = 1;
      Inner.Level level = 2;
      optional int32 maybe = 3;
      oneof choice {
        string name = 4;
        int64 id = 5;
        Inner picked = 6;
      }
      map<string, int32> counts = 7;
      map<int64, Inner> by_id = 8;
      map<bool, string> flags = 9;
      .test.sink.Color color = 10;
      reserved 11, 20 to 30;
      reserved "old_name";
    }
    """

/// The kitchen-sink schema, parsed.
let kitchenSink: ProtoSchema = try! ProtoSchema(parsing: kitchenSinkProto, fileName: "sink.proto")

/// The message `name` of the kitchen-sink schema (`test.sink.` is prefixed).
func sink(_ name: String) -> MessageDescriptor { kitchenSink.message(named: "test.sink." + name)! }

/// The message `name` of aura.proto (`aura.` is prefixed).
func aura(_ name: String) -> MessageDescriptor { ProtoSchema.aura.message(named: "aura." + name)! }
