/// The wire types of the protobuf binary format (the low three bits of a field tag).
public enum ProtoWireType: UInt8, Sendable {
    /// A base-128 varint: int32, int64, uint32, uint64, sint32, sint64, bool, enum.
    case varint = 0
    /// Eight little-endian bytes: fixed64, sfixed64, double.
    case fixed64 = 1
    /// A varint length, then that many bytes: string, bytes, messages, packed repeated fields.
    case lengthDelimited = 2
    /// Four little-endian bytes: fixed32, sfixed32, float.
    case fixed32 = 5
}

/// An error found while decoding a protobuf message.
public enum ProtoDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended inside a field.
    case truncated
    /// A varint ran past ten bytes.
    case malformedVarint
    /// A tag named field number 0, or a wire type that is invalid (groups, 6, 7).
    case invalidTag(UInt64)
    /// A field's wire type is not the one its schema declares.
    case wrongWireType(field: Int, got: ProtoWireType)
    /// A string field held bytes that are not UTF-8.
    case invalidUTF8(field: Int)
    /// Messages nested deeper than the decoder allows.
    case tooDeep

    /// What is wrong, in words.
    public var description: String {
        switch self {
        case .truncated: return "the message ends inside a field"
        case .malformedVarint: return "a varint runs past ten bytes"
        case .invalidTag(let tag): return "invalid field tag \(tag)"
        case .wrongWireType(let field, let got): return "field \(field) has the wrong wire type (\(got))"
        case .invalidUTF8(let field): return "field \(field) is not valid UTF-8"
        case .tooDeep: return "messages are nested too deeply"
        }
    }
}
