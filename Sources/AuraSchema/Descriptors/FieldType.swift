import AuraProto

/// The type of a field's values: a protobuf scalar, an enum or a message.
public enum FieldType: Sendable, Hashable {
    /// A 64-bit float (wire type fixed64).
    case double
    /// A 32-bit float (wire type fixed32).
    case float
    /// A signed 32-bit integer as a varint; negative values take ten bytes.
    case int32
    /// A signed 64-bit integer as a varint.
    case int64
    /// An unsigned 32-bit integer as a varint.
    case uint32
    /// An unsigned 64-bit integer as a varint.
    case uint64
    /// A signed 32-bit integer as a zigzag varint, compact for small negative values.
    case sint32
    /// A signed 64-bit integer as a zigzag varint.
    case sint64
    /// An unsigned 32-bit integer in four little-endian bytes.
    case fixed32
    /// An unsigned 64-bit integer in eight little-endian bytes.
    case fixed64
    /// A signed 32-bit integer in four little-endian bytes.
    case sfixed32
    /// A signed 64-bit integer in eight little-endian bytes.
    case sfixed64
    /// A boolean as a varint 0 or 1.
    case bool
    /// UTF-8 text, length-delimited.
    case string
    /// Arbitrary bytes, length-delimited.
    case bytes
    /// An enum, encoded as an int32 varint; proto3 enums are open, so any number is kept.
    case enumeration(EnumDescriptor)
    /// A message, named by its full name (look it up with `ProtoSchema.message(named:)`).
    case message(fullName: String)

    /// The scalar types by their keyword in a schema (`"int32"`, `"string"`...).
    static let scalarsByKeyword: [String: FieldType] = [
        "double": .double, "float": .float, "int32": .int32, "int64": .int64, "uint32": .uint32,
        "uint64": .uint64, "sint32": .sint32, "sint64": .sint64, "fixed32": .fixed32,
        "fixed64": .fixed64, "sfixed32": .sfixed32, "sfixed64": .sfixed64, "bool": .bool,
        "string": .string, "bytes": .bytes,
    ]

    /// The type as a schema writes it: a scalar keyword, or an enum's or message's full name.
    public var name: String {
        switch self {
        case .enumeration(let descriptor): return descriptor.fullName
        case .message(let fullName): return fullName
        default:
            return Self.scalarsByKeyword.first { $0.value == self }!.key
        }
    }

    /// The wire type of one value of this type.
    public var wireType: ProtoWireType {
        switch self {
        case .double, .fixed64, .sfixed64: return .fixed64
        case .float, .fixed32, .sfixed32: return .fixed32
        case .string, .bytes, .message: return .lengthDelimited
        case .int32, .int64, .uint32, .uint64, .sint32, .sint64, .bool, .enumeration: return .varint
        }
    }

    /// Whether a repeated field of this type can use packed encoding (numbers, bools and enums).
    public var isPackable: Bool { wireType != .lengthDelimited }

    /// Whether this type can be a map key (integers, bool and string, as protobuf allows).
    public var isValidMapKey: Bool {
        switch self {
        case .double, .float, .bytes, .enumeration, .message: return false
        default: return true
        }
    }
}
