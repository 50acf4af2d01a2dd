import AuraBytes
import AuraProto

extension DynamicMessage {
    /// How deeply messages may nest before decoding gives up with `.tooDeep`.
    static let maximumDepth = 100

    /// Decodes the readable bytes of `buffer` as a message of type `descriptor`, looking up
    /// nested message types in `schema`.
    ///
    /// As protobuf does: unknown fields are skipped; repeated numbers are accepted packed or not;
    /// a singular field seen twice keeps the last value, a message field seen twice is merged.
    /// A known field with the wrong wire type is an error.
    public init(decoding buffer: ByteBuffer, as descriptor: MessageDescriptor, in schema: ProtoSchema) throws(ProtoDecodingError) {
        self.init(descriptor)
        try merge(from: buffer, schema: schema, depth: 0)
    }

    /// Decodes fields from `buffer` into this message.
    private mutating func merge(from buffer: ByteBuffer, schema: ProtoSchema, depth: Int) throws(ProtoDecodingError) {
        guard depth < Self.maximumDepth else { throw .tooDeep }
        // Repeated fields and maps are gathered here and stored at the end, so that a long list
        // is appended to in place rather than copied for every element.
        var lists: [Int: [Value]] = [:]
        var maps: [Int: MapAccumulator] = [:]
        var reader = ProtoReader(buffer)
        while let tag = try reader.nextField() {
            guard let field = descriptor.field(number: tag.number) else {
                try reader.skip(tag)
                continue
            }
            switch field.cardinality {
            case .singular, .optional:
                if case .message(let typeName) = field.type {
                    var nested = value(forFieldNumber: field.number)?.message ?? DynamicMessage(Self.descriptor(typeName, in: schema))
                    try nested.merge(from: reader.readBytes(tag), schema: schema, depth: depth + 1)
                    store(.message(nested), in: field)
                } else {
                    store(try Self.read(field.type, tag: tag, from: &reader, schema: schema, depth: depth), in: field)
                }
            case .repeated:
                var list = lists.removeValue(forKey: field.number) ?? value(forFieldNumber: field.number)?.list ?? []
                if tag.wireType == .lengthDelimited && field.type.isPackable {
                    try Self.unpack(reader.readBytes(tag), of: field.type, into: &list)
                } else {
                    list.append(try Self.read(field.type, tag: tag, from: &reader, schema: schema, depth: depth))
                }
                lists[field.number] = list
            case .map(let keyType):
                var map = maps.removeValue(forKey: field.number)
                    ?? MapAccumulator(value(forFieldNumber: field.number)?.mapEntries ?? [])
                map.insert(try Self.mapEntry(reader.readBytes(tag), key: keyType, value: field.type, schema: schema, depth: depth + 1))
                maps[field.number] = map
            }
        }
        for (number, list) in lists { store(.list(list), in: descriptor.field(number: number)!) }
        for (number, map) in maps { store(.map(map.entries), in: descriptor.field(number: number)!) }
    }

    /// Reads one value of `type` for the field tagged `tag`.
    private static func read(
        _ type: FieldType, tag: ProtoReader.Field, from reader: inout ProtoReader, schema: ProtoSchema, depth: Int
    ) throws(ProtoDecodingError) -> Value {
        switch type {
        case .double: return .double(try reader.readDouble(tag))
        case .float: return .float(try reader.readFloat(tag))
        case .int32: return .int32(Int32(truncatingIfNeeded: try reader.readInt(tag)))
        case .sint32: return .int32(Int32(truncatingIfNeeded: try reader.readSInt(tag)))
        case .sfixed32: return .int32(Int32(bitPattern: try reader.readFixed32(tag)))
        case .int64: return .int64(try reader.readInt(tag))
        case .sint64: return .int64(try reader.readSInt(tag))
        case .sfixed64: return .int64(Int64(bitPattern: try reader.readFixed64(tag)))
        case .uint32: return .uint32(UInt32(truncatingIfNeeded: try reader.readUInt(tag)))
        case .fixed32: return .uint32(try reader.readFixed32(tag))
        case .uint64: return .uint64(try reader.readUInt(tag))
        case .fixed64: return .uint64(try reader.readFixed64(tag))
        case .bool: return .bool(try reader.readBool(tag))
        case .enumeration: return .enumNumber(Int32(truncatingIfNeeded: try reader.readInt(tag)))
        case .string: return .string(try reader.readString(tag))
        case .bytes: return .bytes(try reader.readBytes(tag).readableBytesArray)
        case .message(let typeName):
            var nested = DynamicMessage(descriptor(typeName, in: schema))
            try nested.merge(from: reader.readBytes(tag), schema: schema, depth: depth + 1)
            return .message(nested)
        }
    }

    /// Appends the values of a packed repeated field's payload to `values`.
    private static func unpack(_ payload: ByteBuffer, of type: FieldType, into values: inout [Value]) throws(ProtoDecodingError) {
        switch type.wireType {
        case .varint:
            var reader = ProtoReader(payload)
            while !reader.isAtEnd {
                let raw = try reader.readVarint()
                switch type {
                case .int32: values.append(.int32(Int32(truncatingIfNeeded: raw)))
                case .sint32: values.append(.int32(Int32(truncatingIfNeeded: unzigzag(raw))))
                case .int64: values.append(.int64(Int64(bitPattern: raw)))
                case .sint64: values.append(.int64(unzigzag(raw)))
                case .uint32: values.append(.uint32(UInt32(truncatingIfNeeded: raw)))
                case .uint64: values.append(.uint64(raw))
                case .bool: values.append(.bool(raw != 0))
                default: values.append(.enumNumber(Int32(truncatingIfNeeded: raw)))
                }
            }
        case .fixed32:
            var bytes = payload
            guard bytes.readableBytes % 4 == 0 else { throw .truncated }
            while let raw = bytes.readInteger(endianness: .little, as: UInt32.self) {
                switch type {
                case .float: values.append(.float(Float(bitPattern: raw)))
                case .sfixed32: values.append(.int32(Int32(bitPattern: raw)))
                default: values.append(.uint32(raw))
                }
            }
        case .fixed64:
            var bytes = payload
            guard bytes.readableBytes % 8 == 0 else { throw .truncated }
            while let raw = bytes.readInteger(endianness: .little, as: UInt64.self) {
                switch type {
                case .double: values.append(.double(Double(bitPattern: raw)))
                case .sfixed64: values.append(.int64(Int64(bitPattern: raw)))
                default: values.append(.uint64(raw))
                }
            }
        case .lengthDelimited:
            preconditionFailure("\(type.name) is not packable")
        }
    }

    /// Decodes one map entry: key in field 1, value in field 2, either missing meaning default.
    private static func mapEntry(
        _ buffer: ByteBuffer, key keyType: FieldType, value valueType: FieldType, schema: ProtoSchema, depth: Int
    ) throws(ProtoDecodingError) -> MapEntry {
        guard depth < maximumDepth else { throw .tooDeep }
        var key = Value.defaultValue(of: keyType)!
        var value: Value?
        var reader = ProtoReader(buffer)
        while let tag = try reader.nextField() {
            switch tag.number {
            case 1: key = try read(keyType, tag: tag, from: &reader, schema: schema, depth: depth)
            case 2: value = try read(valueType, tag: tag, from: &reader, schema: schema, depth: depth)
            default: try reader.skip(tag)
            }
        }
        if value == nil, case .message(let typeName) = valueType {
            value = .message(DynamicMessage(descriptor(typeName, in: schema)))
        }
        return MapEntry(key: key, value: value ?? Value.defaultValue(of: valueType)!)
    }

    private static func unzigzag(_ raw: UInt64) -> Int64 {
        Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// The descriptor of a message type a field names. A schema has every type its fields
    /// name, so this fails only when a descriptor is used with another schema than its own.
    static func descriptor(_ fullName: String, in schema: ProtoSchema) -> MessageDescriptor {
        guard let descriptor = schema.message(named: fullName) else {
            preconditionFailure("message type \(fullName) is not in the schema given; use the schema the descriptor came from")
        }
        return descriptor
    }
}

/// Map entries being decoded: a later entry with the same key replaces the earlier one.
struct MapAccumulator {
    private(set) var entries: [DynamicMessage.MapEntry]
    private var indexByKey: [String: Int] = [:]

    /// Starts from `entries`, whose keys are distinct.
    init(_ entries: [DynamicMessage.MapEntry]) {
        self.entries = entries
        for (index, entry) in entries.enumerated() { indexByKey[String(describing: entry.key)] = index }
    }

    /// Adds `entry`, replacing the entry with the same key if there is one.
    mutating func insert(_ entry: DynamicMessage.MapEntry) {
        let key = String(describing: entry.key)
        if let index = indexByKey[key] {
            entries[index] = entry
        } else {
            indexByKey[key] = entries.count
            entries.append(entry)
        }
    }
}

extension DynamicMessage.Value {
    /// The message, when this is a `.message`.
    public var message: DynamicMessage? {
        if case .message(let message) = self { return message }
        return nil
    }

    /// The values, when this is a `.list`.
    public var list: [DynamicMessage.Value]? {
        if case .list(let values) = self { return values }
        return nil
    }

    /// The entries, when this is a `.map`.
    public var mapEntries: [DynamicMessage.MapEntry]? {
        if case .map(let entries) = self { return entries }
        return nil
    }
}
