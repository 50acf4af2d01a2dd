import AuraBytes
import AuraProto

extension DynamicMessage {
    /// Appends the message's binary encoding to `writer`: set fields in field-number order,
    /// repeated numbers packed (unless the schema says `packed = false`), map entries as nested
    /// key/value messages.
    public func encode(to writer: inout ProtoWriter) {
        for (field, value) in setFields {
            switch value {
            case .list(let elements) where field.isPacked:
                writer.writeBytes(field: field.number, Self.packed(elements, of: field.type))
            case .list(let elements):
                for element in elements { Self.write(element, of: field.type, field: field.number, always: true, to: &writer) }
            case .map(let entries):
                guard case .map(let keyType) = field.cardinality else { continue }
                for entry in entries {
                    writer.writeMessage(field: field.number) { entryWriter in
                        Self.write(entry.key, of: keyType, field: 1, always: true, to: &entryWriter)
                        Self.write(entry.value, of: field.type, field: 2, always: true, to: &entryWriter)
                    }
                }
            default:
                Self.write(value, of: field.type, field: field.number, always: field.hasPresence, to: &writer)
            }
        }
    }

    /// The message's binary encoding in a new buffer.
    public func encoded() -> ByteBuffer {
        var writer = ProtoWriter()
        encode(to: &writer)
        return writer.buffer
    }

    /// Writes one value with its tag. `always` writes default values too; a -0.0 is written
    /// whatever `always` says, since it is not the default.
    private static func write(_ value: Value, of type: FieldType, field: Int, always: Bool, to writer: inout ProtoWriter) {
        let always = always || !value.isDefault
        switch (type, value) {
        case (.double, .double(let v)): writer.writeDouble(field: field, v, always: always)
        case (.float, .float(let v)): writer.writeFloat(field: field, v, always: always)
        case (.int32, .int32(let v)): writer.writeInt(field: field, Int64(v), always: always)
        case (.sint32, .int32(let v)): writer.writeSInt(field: field, Int64(v), always: always)
        case (.sfixed32, .int32(let v)): writer.writeFixed32(field: field, UInt32(bitPattern: v), always: always)
        case (.int64, .int64(let v)): writer.writeInt(field: field, v, always: always)
        case (.sint64, .int64(let v)): writer.writeSInt(field: field, v, always: always)
        case (.sfixed64, .int64(let v)): writer.writeFixed64(field: field, UInt64(bitPattern: v), always: always)
        case (.uint32, .uint32(let v)): writer.writeUInt(field: field, UInt64(v), always: always)
        case (.fixed32, .uint32(let v)): writer.writeFixed32(field: field, v, always: always)
        case (.uint64, .uint64(let v)): writer.writeUInt(field: field, v, always: always)
        case (.fixed64, .uint64(let v)): writer.writeFixed64(field: field, v, always: always)
        case (.bool, .bool(let v)): writer.writeBool(field: field, v, always: always)
        case (.enumeration, .enumNumber(let v)): writer.writeInt(field: field, Int64(v), always: always)
        case (.string, .string(let v)): writer.writeString(field: field, v, always: always)
        case (.bytes, .bytes(let v)): v.withUnsafeBytes { writer.writeBytes(field: field, $0, always: always) }
        case (.message, .message(let message)): writer.writeMessage(field: field) { message.encode(to: &$0) }
        default: preconditionFailure("value \(value) does not suit type \(type.name); set(_:to:) checks this")
        }
    }

    /// The payload of a packed repeated field: the values back to back, without tags.
    private static func packed(_ values: [Value], of type: FieldType) -> ByteBuffer {
        var varints = ProtoWriter()
        var fixed = ByteBuffer(capacity: values.count * 8)
        for value in values {
            switch (type, value) {
            case (.double, .double(let v)): fixed.writeInteger(v.bitPattern, endianness: .little)
            case (.float, .float(let v)): fixed.writeInteger(v.bitPattern, endianness: .little)
            case (.sfixed32, .int32(let v)): fixed.writeInteger(UInt32(bitPattern: v), endianness: .little)
            case (.sfixed64, .int64(let v)): fixed.writeInteger(UInt64(bitPattern: v), endianness: .little)
            case (.fixed32, .uint32(let v)): fixed.writeInteger(v, endianness: .little)
            case (.fixed64, .uint64(let v)): fixed.writeInteger(v, endianness: .little)
            case (.int32, .int32(let v)): varints.writeVarint(UInt64(bitPattern: Int64(v)))
            case (.int64, .int64(let v)): varints.writeVarint(UInt64(bitPattern: v))
            case (.sint32, .int32(let v)): varints.writeVarint(zigzag(Int64(v)))
            case (.sint64, .int64(let v)): varints.writeVarint(zigzag(v))
            case (.uint32, .uint32(let v)): varints.writeVarint(UInt64(v))
            case (.uint64, .uint64(let v)): varints.writeVarint(v)
            case (.bool, .bool(let v)): varints.writeVarint(v ? 1 : 0)
            case (.enumeration, .enumNumber(let v)): varints.writeVarint(UInt64(bitPattern: Int64(v)))
            default: preconditionFailure("value \(value) does not suit packed type \(type.name)")
            }
        }
        return type.wireType == .varint ? varints.buffer : fixed
    }

    private static func zigzag(_ value: Int64) -> UInt64 {
        UInt64(bitPattern: (value << 1) ^ (value >> 63))
    }
}
