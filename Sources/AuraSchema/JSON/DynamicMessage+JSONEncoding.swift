import Foundation

extension DynamicMessage {
    /// The message in proto3's JSON mapping, written deterministically: members in field-number
    /// order, map entries in the order they were set.
    ///
    /// 64-bit integers are strings (JSON numbers lose precision past 2^53), bytes are base64,
    /// enums are names (numbers the enum does not name stay numbers), non-finite floats are
    /// `"NaN"`, `"Infinity"` and `"-Infinity"`.
    public func jsonString(options: JSONEncodingOptions = JSONEncodingOptions()) -> String {
        jsonValue(options: options).text(pretty: options.prettyPrinted)
    }

    /// The message as a JSON object value.
    func jsonValue(options: JSONEncodingOptions) -> JSONValue {
        var members: [JSONValue.Member] = []
        for field in descriptor.fields {
            let key = options.useProtoFieldNames ? field.name : field.jsonName
            if let value = value(forFieldNumber: field.number) {
                members.append(.init(key: key, value: Self.json(value, of: field, options: options)))
            } else if options.emitDefaultValues, !field.hasPresence {
                members.append(.init(key: key, value: Self.defaultJSON(of: field)))
            }
        }
        return .object(members)
    }

    private static func json(_ value: Value, of field: FieldDescriptor, options: JSONEncodingOptions) -> JSONValue {
        switch (field.cardinality, value) {
        case (.repeated, .list(let elements)):
            return .array(elements.map { json($0, of: field.type, options: options) })
        case (.map, .map(let entries)):
            return .object(entries.map { .init(key: mapKey($0.key), value: json($0.value, of: field.type, options: options)) })
        default:
            return json(value, of: field.type, options: options)
        }
    }

    private static func defaultJSON(of field: FieldDescriptor) -> JSONValue {
        switch field.cardinality {
        case .repeated: return .array([])
        case .map: return .object([])
        case .singular, .optional:
            guard let value = Value.defaultValue(of: field.type) else { return .null }
            return json(value, of: field.type, options: JSONEncodingOptions())
        }
    }

    /// One value of `type` as JSON.
    private static func json(_ value: Value, of type: FieldType, options: JSONEncodingOptions) -> JSONValue {
        switch value {
        case .double(let v): return floatingPoint(v, text: v.description)
        case .float(let v): return floatingPoint(Double(v), text: v.description)
        case .int32(let v): return .number(String(v))
        case .uint32(let v): return .number(String(v))
        case .int64(let v): return .string(String(v))
        case .uint64(let v): return .string(String(v))
        case .bool(let v): return .bool(v)
        case .string(let v): return .string(v)
        case .bytes(let v): return .string(Data(v).base64EncodedString())
        case .enumNumber(let number):
            guard case .enumeration(let descriptor) = type, let named = descriptor.value(number: number) else {
                return .number(String(number))
            }
            return .string(named.name)
        case .message(let message): return message.jsonValue(options: options)
        case .list(let elements): return .array(elements.map { json($0, of: type, options: options) })
        case .map(let entries):
            return .object(entries.map { .init(key: mapKey($0.key), value: json($0.value, of: type, options: options)) })
        }
    }

    /// A float or double: the shortest text that reads back the same, without a trailing
    /// `.0` (but `-0.0` keeps it, since JSON parsers read `-0` as the integer 0), or one of
    /// proto3's strings for values JSON numbers cannot hold.
    private static func floatingPoint(_ value: Double, text: String) -> JSONValue {
        if value.isNaN { return .string("NaN") }
        if value.isInfinite { return .string(value < 0 ? "-Infinity" : "Infinity") }
        if value == 0 && value.sign == .minus { return .number("-0.0") }
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// A map key as the JSON object key: the number, `true`/`false`, or the string itself.
    private static func mapKey(_ key: Value) -> String {
        switch key {
        case .int32(let v): return String(v)
        case .int64(let v): return String(v)
        case .uint32(let v): return String(v)
        case .uint64(let v): return String(v)
        case .bool(let v): return v ? "true" : "false"
        case .string(let v): return v
        default: return "\(key)"
        }
    }
}
