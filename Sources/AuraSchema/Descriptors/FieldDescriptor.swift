/// One field of a message: its name, number, type and how many values it holds.
public struct FieldDescriptor: Sendable, Hashable {
    /// How many values a field holds, and whether it tracks presence.
    public enum Cardinality: Sendable, Hashable {
        /// One value; proto3 "implicit presence": a default value (0, "", false) is not sent.
        case singular
        /// One value declared `optional`: it is sent when set, even when it is the default.
        case optional
        /// Any number of values, in order.
        case repeated
        /// A `map<key, value>` field: entries of a key of this type and a value of the field's type.
        case map(key: FieldType)
    }

    /// The field's name in the schema, e.g. `timeout_micros`.
    public let name: String
    /// The name in JSON: lowerCamelCase (`timeoutMicros`) unless the schema sets `json_name`.
    public let jsonName: String
    /// The field number on the wire.
    public let number: Int
    /// The type of each value (of each map value, for a map field).
    public let type: FieldType
    /// How many values the field holds.
    public let cardinality: Cardinality
    /// The `oneof` the field belongs to, or nil.
    public let oneof: String?
    /// Whether a repeated scalar field is written packed (proto3's default; `[packed = false]`
    /// turns it off). Decoding accepts both forms either way.
    public let isPacked: Bool

    /// Creates a field descriptor.
    public init(
        name: String, jsonName: String? = nil, number: Int, type: FieldType,
        cardinality: Cardinality = .singular, oneof: String? = nil, isPacked: Bool? = nil
    ) {
        self.name = name
        self.jsonName = jsonName ?? Self.jsonName(for: name)
        self.number = number
        self.type = type
        self.cardinality = cardinality
        self.oneof = oneof
        self.isPacked = cardinality == .repeated && type.isPackable && (isPacked ?? true)
    }

    /// Whether the field holds a list (repeated) or a map.
    public var isRepeated: Bool {
        switch cardinality {
        case .repeated, .map: return true
        case .singular, .optional: return false
        }
    }

    /// Whether the field is a map.
    public var isMap: Bool {
        if case .map = cardinality { return true }
        return false
    }

    /// Whether a set value is told apart from an unset one: `optional` fields, oneof members and
    /// message fields. Other singular fields are unset when they hold their default value.
    public var hasPresence: Bool {
        switch cardinality {
        case .optional: return true
        case .repeated, .map: return false
        case .singular:
            if oneof != nil { return true }
            if case .message = type { return true }
            return false
        }
    }

    /// protoc's JSON name: underscores removed and the letter after each one upper-cased.
    public static func jsonName(for name: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in name {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
