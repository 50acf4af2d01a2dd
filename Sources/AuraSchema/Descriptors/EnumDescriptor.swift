/// An enum of a schema: its names and numbers.
public struct EnumDescriptor: Sendable, Hashable {
    /// The enum's own name, e.g. `ServingStatus`.
    public let name: String
    /// The name with its package and enclosing messages, e.g. `aura.HealthCheckResponse.ServingStatus`.
    public let fullName: String
    /// The values in declaration order; the first is the default and has number 0.
    public let values: [EnumValueDescriptor]

    /// Creates an enum descriptor.
    public init(name: String, fullName: String, values: [EnumValueDescriptor]) {
        self.name = name
        self.fullName = fullName
        self.values = values
    }

    /// The value named `name`, or nil.
    public func value(named name: String) -> EnumValueDescriptor? {
        values.first { $0.name == name }
    }

    /// The first value declared with `number`, or nil for a number the schema does not know
    /// (which proto3 still accepts: enums are open).
    public func value(number: Int32) -> EnumValueDescriptor? {
        values.first { $0.number == number }
    }
}

/// One named value of an enum.
public struct EnumValueDescriptor: Sendable, Hashable {
    /// The value's name, e.g. `SERVING`.
    public let name: String
    /// The value's number on the wire.
    public let number: Int32

    /// Creates an enum value.
    public init(name: String, number: Int32) {
        self.name = name
        self.number = number
    }
}
