extension DynamicMessage {
    /// Reads a message of type `descriptor` from proto3 JSON, looking nested types up in `schema`.
    ///
    /// Fields are accepted by JSON name or schema name; `null` leaves a field unset. 64-bit
    /// integers may be numbers or strings, floats may be `"NaN"`, `"Infinity"`, `"-Infinity"`,
    /// enums names or numbers, bytes standard or URL-safe base64. A member naming no field is
    /// an error (`DynamicMessageError.unknownField`) unless `options` says to skip it.
    public init(
        json: String, as descriptor: MessageDescriptor, in schema: ProtoSchema,
        options: JSONDecodingOptions = JSONDecodingOptions()
    ) throws(DynamicMessageError) {
        let value = try JSONValue.parse(json)
        guard case .object = value else {
            throw .malformedJSON("a message must be a JSON object, got \(value.summary)")
        }
        let decoder = JSONMessageDecoder(schema: schema, options: options)
        self = try decoder.message(value, of: descriptor, path: "", depth: 0)
    }
}

/// The proto3 JSON mapping from `JSONValue` to `DynamicMessage`.
struct JSONMessageDecoder {
    let schema: ProtoSchema
    let options: JSONDecodingOptions

    /// Reads a JSON object as a message; `path` names it in errors (empty for the top).
    func message(_ json: JSONValue, of descriptor: MessageDescriptor, path: String, depth: Int) throws(DynamicMessageError) -> DynamicMessage {
        guard depth < DynamicMessage.maximumDepth else { throw .tooDeep }
        guard case .object(let members) = json else {
            throw .invalidValue(path: path, reason: "expected an object for message \(descriptor.fullName), got \(json.summary)")
        }
        var message = DynamicMessage(descriptor)
        var seen: [Int: String] = [:]
        var oneofs: [String: String] = [:]
        for member in members {
            guard let field = descriptor.field(named: member.key) else {
                if options.ignoreUnknownFields { continue }
                throw .unknownField(path.isEmpty ? member.key : path + "." + member.key, message: descriptor.fullName)
            }
            let fieldPath = path.isEmpty ? member.key : path + "." + member.key
            if let other = seen.updateValue(member.key, forKey: field.number) {
                throw .invalidValue(path: fieldPath, reason: "the field is given twice, as \"\(other)\" and \"\(member.key)\"")
            }
            if member.value == .null { continue }
            if let oneof = field.oneof, let other = oneofs.updateValue(member.key, forKey: oneof) {
                throw .invalidValue(path: fieldPath, reason: "oneof \(oneof) already has a value, from \"\(other)\"")
            }
            message.store(try value(member.value, of: field, path: fieldPath, depth: depth), in: field)
        }
        return message
    }

    private func value(_ json: JSONValue, of field: FieldDescriptor, path: String, depth: Int) throws(DynamicMessageError) -> DynamicMessage.Value {
        switch field.cardinality {
        case .singular, .optional:
            return try element(json, of: field.type, path: path, depth: depth)
        case .repeated:
            guard case .array(let elements) = json else {
                throw .invalidValue(path: path, reason: "expected an array for a repeated field, got \(json.summary)")
            }
            var values: [DynamicMessage.Value] = []
            values.reserveCapacity(elements.count)
            for (index, element) in elements.enumerated() {
                values.append(try self.element(element, of: field.type, path: "\(path)[\(index)]", depth: depth))
            }
            return .list(values)
        case .map(let keyType):
            guard case .object(let members) = json else {
                throw .invalidValue(path: path, reason: "expected an object for a map field, got \(json.summary)")
            }
            var entries: [DynamicMessage.MapEntry] = []
            for member in members {
                let entryPath = "\(path)[\"\(member.key)\"]"
                entries.append(.init(
                    key: try mapKey(member.key, of: keyType, path: entryPath),
                    value: try element(member.value, of: field.type, path: entryPath, depth: depth)))
            }
            return .map(entries)
        }
    }

    /// Reads one value of `type`.
    private func element(_ json: JSONValue, of type: FieldType, path: String, depth: Int) throws(DynamicMessageError) -> DynamicMessage.Value {
        switch type {
        case .message(let typeName):
            return .message(try message(json, of: DynamicMessage.descriptor(typeName, in: schema), path: path, depth: depth + 1))
        case .enumeration(let descriptor):
            if case .string(let name) = json {
                guard let value = descriptor.value(named: name) else {
                    throw .invalidValue(path: path, reason: "\"\(name)\" is not a value of enum \(descriptor.fullName)")
                }
                return .enumNumber(value.number)
            }
            if case .number = json { return .enumNumber(try integer(json, as: Int32.self, type: type, path: path)) }
        case .double: return .double(try floatingPoint(json, type: type, path: path))
        case .float:
            let value = try floatingPoint(json, type: type, path: path)
            guard !value.isFinite || Float(value).isFinite else {
                throw .invalidValue(path: path, reason: "\(value) is out of range for float")
            }
            return .float(Float(value))
        case .int32, .sint32, .sfixed32: return .int32(try integer(json, as: Int32.self, type: type, path: path))
        case .int64, .sint64, .sfixed64: return .int64(try integer(json, as: Int64.self, type: type, path: path))
        case .uint32, .fixed32: return .uint32(try integer(json, as: UInt32.self, type: type, path: path))
        case .uint64, .fixed64: return .uint64(try integer(json, as: UInt64.self, type: type, path: path))
        case .bool:
            if case .bool(let value) = json { return .bool(value) }
        case .string:
            if case .string(let value) = json { return .string(value) }
        case .bytes:
            if case .string(let text) = json {
                guard let bytes = Base64.decode(text) else {
                    throw .invalidValue(path: path, reason: "\(json.summary) is not base64")
                }
                return .bytes(bytes)
            }
        }
        throw .invalidValue(path: path, reason: "expected \(type.name), got \(json.summary)")
    }

    /// An integer from a JSON number or a string holding one; `1e3` and `5.0` are accepted as
    /// whole numbers, `1.5` and values out of range are not.
    private func integer<T: FixedWidthInteger>(_ json: JSONValue, as: T.Type, type: FieldType, path: String) throws(DynamicMessageError) -> T {
        let text: String
        switch json {
        case .number(let number): text = number
        case .string(let string): text = string
        default: throw .invalidValue(path: path, reason: "expected \(type.name), got \(json.summary)")
        }
        if let value = T(text) { return value }
        guard Self.isDecimal(text), let double = Double(text), double.isFinite else {
            throw .invalidValue(path: path, reason: "expected \(type.name), got \(json.summary)")
        }
        guard double.rounded() == double else {
            throw .invalidValue(path: path, reason: "\(text) is not a whole number, as \(type.name) needs")
        }
        guard let value = T(exactly: double) else {
            throw .invalidValue(path: path, reason: "\(text) is out of range for \(type.name)")
        }
        return value
    }

    /// A float or double from a JSON number, a string holding one, or NaN and the infinities.
    private func floatingPoint(_ json: JSONValue, type: FieldType, path: String) throws(DynamicMessageError) -> Double {
        switch json {
        case .number(let text):
            if let value = Double(text), value.isFinite { return value }
        case .string("NaN"): return .nan
        case .string("Infinity"): return .infinity
        case .string("-Infinity"): return -.infinity
        case .string(let text):
            if Self.isDecimal(text), let value = Double(text), value.isFinite { return value }
        default: break
        }
        throw .invalidValue(path: path, reason: "expected \(type.name), got \(json.summary)")
    }

    /// Whether `text` looks like a JSON number (digits, sign, point, exponent), which rules out
    /// the hexadecimal and `inf` forms `Double(_:)` would also read.
    private static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { "0123456789+-.eE".contains($0) }
    }

    /// A map key from its JSON object key.
    private func mapKey(_ text: String, of type: FieldType, path: String) throws(DynamicMessageError) -> DynamicMessage.Value {
        switch type {
        case .string: return .string(text)
        case .bool:
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
            throw .invalidValue(path: path, reason: "a bool map key must be \"true\" or \"false\"")
        default:
            return try element(.string(text), of: type, path: path, depth: 0)
        }
    }
}
