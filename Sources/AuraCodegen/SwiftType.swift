import AuraSchema

/// How values of one schema type are declared, defaulted, decoded and encoded in generated Swift.
struct SwiftType {
    /// The Swift type, e.g. `UInt32` or `HealthCheckResponse.ServingStatus`.
    let name: String
    /// The default value as a Swift expression.
    let defaultValue: String
    /// The wire type one value uses.
    let wireType: ProtoWireTypeName
    /// Converts the raw wire value (`raw`: UInt64 for varints, UInt32 or UInt64 for fixed
    /// widths) into the Swift value.
    let fromWire: (String) -> String
    /// Converts a Swift value into the raw wire value.
    let toWire: (String) -> String
    /// Whether the type is a message.
    var isMessage: Bool { wireType == .message }

    /// The Swift type for a field type; `typeName` names messages and enums in Swift.
    init(_ type: FieldType, typeName: (String) -> String) {
        switch type {
        case .double:
            self.init("Double", "0", .fixed64, { "Double(bitPattern: \($0))" }, { "\($0).bitPattern" })
        case .float:
            self.init("Float", "0", .fixed32, { "Float(bitPattern: \($0))" }, { "\($0).bitPattern" })
        case .int32:
            self.init("Int32", "0", .varint, { "Int32(truncatingIfNeeded: \($0))" }, { "UInt64(bitPattern: Int64(\($0)))" })
        case .int64:
            self.init("Int64", "0", .varint, { "Int64(bitPattern: \($0))" }, { "UInt64(bitPattern: \($0))" })
        case .uint32:
            self.init("UInt32", "0", .varint, { "UInt32(truncatingIfNeeded: \($0))" }, { "UInt64(\($0))" })
        case .uint64:
            self.init("UInt64", "0", .varint, { $0 }, { $0 })
        case .sint32:
            self.init("Int32", "0", .varint, { "Int32(truncatingIfNeeded: ZigZag.decode(\($0)))" }, { "ZigZag.encode(Int64(\($0)))" })
        case .sint64:
            self.init("Int64", "0", .varint, { "ZigZag.decode(\($0))" }, { "ZigZag.encode(\($0))" })
        case .fixed32:
            self.init("UInt32", "0", .fixed32, { $0 }, { $0 })
        case .fixed64:
            self.init("UInt64", "0", .fixed64, { $0 }, { $0 })
        case .sfixed32:
            self.init("Int32", "0", .fixed32, { "Int32(bitPattern: \($0))" }, { "UInt32(bitPattern: \($0))" })
        case .sfixed64:
            self.init("Int64", "0", .fixed64, { "Int64(bitPattern: \($0))" }, { "UInt64(bitPattern: \($0))" })
        case .bool:
            self.init("Bool", "false", .varint, { "\($0) != 0" }, { "\($0) ? 1 : 0" })
        case .string:
            self.init("String", "\"\"", .string, { $0 }, { $0 })
        case .bytes:
            self.init("ByteBuffer", ".empty", .bytes, { $0 }, { $0 })
        case .enumeration(let descriptor):
            let name = typeName(descriptor.fullName)
            let first = SwiftNames.enumCase(descriptor.values[0].name, enumName: descriptor.name, allValues: descriptor.values.map(\.name))
            self.init(name, ".\(SwiftNames.quoted(first))", .varint,
                      { "\(name)(rawValue: Int32(truncatingIfNeeded: \($0)))" },
                      { "UInt64(bitPattern: Int64(\($0).rawValue))" })
        case .message(let fullName):
            let name = typeName(fullName)
            self.init(name, "\(name)()", .message, { $0 }, { $0 })
        }
    }

    private init(_ name: String, _ defaultValue: String, _ wireType: ProtoWireTypeName,
                 _ fromWire: @escaping (String) -> String, _ toWire: @escaping (String) -> String) {
        self.name = name
        self.defaultValue = defaultValue
        self.wireType = wireType
        self.fromWire = fromWire
        self.toWire = toWire
    }

    /// Whether repeated values of this type may be packed.
    var isPackable: Bool { wireType == .varint || wireType == .fixed32 || wireType == .fixed64 }

    /// A Swift expression reading one value with `reader` for the tag in `field`.
    func decode(reader: String = "reader", field: String = "field") -> String {
        switch wireType {
        case .varint: return fromWire("try \(reader).readUInt(\(field))")
        case .fixed32: return fromWire("try \(reader).readFixed32(\(field))")
        case .fixed64: return fromWire("try \(reader).readFixed64(\(field))")
        case .string: return "try \(reader).readString(\(field))"
        case .bytes: return "try \(reader).readBytes(\(field))"
        case .message: return "try \(reader).readMessage(\(field), as: \(name).self)"
        }
    }

    /// A Swift statement writing `value` as field `number` with `writer`; `always` writes a
    /// default value too (for presence, repeated and map entries).
    func encode(_ value: String, number: Int, writer: String = "writer", always: Bool) -> String {
        let tail = always ? ", always: true" : ""
        switch wireType {
        case .varint: return "\(writer).writeUInt(field: \(number), \(toWire(value))\(tail))"
        case .fixed32: return "\(writer).writeFixed32(field: \(number), \(toWire(value))\(tail))"
        case .fixed64: return "\(writer).writeFixed64(field: \(number), \(toWire(value))\(tail))"
        case .string: return "\(writer).writeString(field: \(number), \(value)\(tail))"
        case .bytes: return "\(writer).writeBytes(field: \(number), \(value)\(tail))"
        case .message: return "\(writer).writeMessage(field: \(number), \(value))"
        }
    }

    /// A Swift statement writing one packed element, without a tag.
    func encodePacked(_ value: String, writer: String) -> String {
        switch wireType {
        case .varint: return "\(writer).writeVarint(\(toWire(value)))"
        case .fixed32: return "\(writer).writeRawFixed32(\(toWire(value)))"
        case .fixed64: return "\(writer).writeRawFixed64(\(toWire(value)))"
        case .string, .bytes, .message: preconditionFailure("not packable")
        }
    }
}

/// The encodings the generator tells apart (finer than wire types: strings, bytes and messages
/// share one wire type but not one reader call).
enum ProtoWireTypeName {
    case varint, fixed32, fixed64, string, bytes, message
}
