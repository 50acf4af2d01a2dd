extension DynamicMessage {
    /// The value of a field: one scalar, enum number or message, a list of them for a repeated
    /// field, or map entries for a map field.
    ///
    /// Each scalar case covers the types with that range: `.int32` is for int32, sint32 and
    /// sfixed32 fields, `.uint64` for uint64 and fixed64, and so on.
    public enum Value: Sendable, Equatable {
        /// A double field's value.
        case double(Double)
        /// A float field's value.
        case float(Float)
        /// An int32, sint32 or sfixed32 field's value.
        case int32(Int32)
        /// An int64, sint64 or sfixed64 field's value.
        case int64(Int64)
        /// A uint32 or fixed32 field's value.
        case uint32(UInt32)
        /// A uint64 or fixed64 field's value.
        case uint64(UInt64)
        /// A bool field's value.
        case bool(Bool)
        /// A string field's value.
        case string(String)
        /// A bytes field's value.
        case bytes([UInt8])
        /// An enum field's value: its number, which need not be one the enum names.
        case enumNumber(Int32)
        /// A message field's value.
        case message(DynamicMessage)
        /// A repeated field's values, in order.
        case list([Value])
        /// A map field's entries, each key at most once, in insertion order.
        case map([MapEntry])
    }

    /// One entry of a map field.
    public struct MapEntry: Sendable, Equatable {
        /// The key: a scalar of the map's key type.
        public var key: Value
        /// The value, of the map's value type.
        public var value: Value

        /// Creates an entry.
        public init(key: Value, value: Value) {
            self.key = key
            self.value = value
        }
    }
}

extension DynamicMessage.Value {
    /// Whether this is the value an unset field reads as: 0, false, "", empty bytes or list,
    /// enum number 0. Floating-point -0.0 is not the default, as in protobuf, which sends it.
    var isDefault: Bool {
        switch self {
        case .double(let value): return value.bitPattern == 0
        case .float(let value): return value.bitPattern == 0
        case .int32(let value): return value == 0
        case .int64(let value): return value == 0
        case .uint32(let value): return value == 0
        case .uint64(let value): return value == 0
        case .bool(let value): return !value
        case .string(let value): return value.isEmpty
        case .bytes(let value): return value.isEmpty
        case .enumNumber(let value): return value == 0
        case .message: return false
        case .list(let values): return values.isEmpty
        case .map(let entries): return entries.isEmpty
        }
    }

    /// The default value of one value of `type`; nil for a message type (messages have presence).
    static func defaultValue(of type: FieldType) -> Self? {
        switch type {
        case .double: return .double(0)
        case .float: return .float(0)
        case .int32, .sint32, .sfixed32: return .int32(0)
        case .int64, .sint64, .sfixed64: return .int64(0)
        case .uint32, .fixed32: return .uint32(0)
        case .uint64, .fixed64: return .uint64(0)
        case .bool: return .bool(false)
        case .string: return .string("")
        case .bytes: return .bytes([])
        case .enumeration: return .enumNumber(0)
        case .message: return nil
        }
    }

    /// Why this value cannot go in `field`, or nil when it can.
    func mismatch(for field: FieldDescriptor) -> String? {
        switch (field.cardinality, self) {
        case (.repeated, .list(let values)):
            return values.lazy.compactMap { $0.mismatch(forElementOf: field.type) }.first
        case (.map(let keyType), .map(let entries)):
            for entry in entries {
                if let problem = entry.key.mismatch(forElementOf: keyType) { return "map key: " + problem }
                if let problem = entry.value.mismatch(forElementOf: field.type) { return "map value: " + problem }
            }
            // The keys are scalars of one type by now, so their descriptions tell them apart.
            var keys: Set<String> = []
            for entry in entries where !keys.insert(String(describing: entry.key)).inserted {
                return "map key \(entry.key) appears twice"
            }
            return nil
        case (.repeated, _): return "expected a list for a repeated field, got \(kindName)"
        case (.map, _): return "expected map entries for a map field, got \(kindName)"
        case (.singular, _), (.optional, _): return mismatch(forElementOf: field.type)
        }
    }

    /// Why this value cannot be one value of `type`, or nil when it can.
    func mismatch(forElementOf type: FieldType) -> String? {
        switch (type, self) {
        case (.double, .double), (.float, .float), (.bool, .bool), (.string, .string), (.bytes, .bytes),
             (.int32, .int32), (.sint32, .int32), (.sfixed32, .int32),
             (.int64, .int64), (.sint64, .int64), (.sfixed64, .int64),
             (.uint32, .uint32), (.fixed32, .uint32), (.uint64, .uint64), (.fixed64, .uint64),
             (.enumeration, .enumNumber):
            return nil
        case (.message(let fullName), .message(let message)):
            return message.descriptor.fullName == fullName
                ? nil : "expected a message \(fullName), got a message \(message.descriptor.fullName)"
        default:
            return "expected \(type.name), got \(kindName)"
        }
    }

    /// The case's name, for error messages.
    var kindName: String {
        switch self {
        case .double: return "a double"
        case .float: return "a float"
        case .int32: return "an int32"
        case .int64: return "an int64"
        case .uint32: return "a uint32"
        case .uint64: return "a uint64"
        case .bool: return "a bool"
        case .string: return "a string"
        case .bytes: return "bytes"
        case .enumNumber: return "an enum number"
        case .message(let message): return "a message \(message.descriptor.fullName)"
        case .list: return "a list"
        case .map: return "map entries"
        }
    }
}
