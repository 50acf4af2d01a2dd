/// A message value whose shape comes from a `MessageDescriptor` at run time rather than from
/// generated code: what a generic client needs to turn JSON into a request and a response back
/// into JSON.
///
/// Fields are read and written by name (schema or JSON name). A message holds only fields that
/// are set: a singular field without presence (proto3's plain scalars) set to its default value
/// is unset, as it would be after a round trip through the wire, so equal messages compare equal.
public struct DynamicMessage: Sendable, Equatable {
    /// The message's type.
    public let descriptor: MessageDescriptor
    /// The set fields by number.
    private var values: [Int: Value] = [:]

    /// Creates an empty message of type `descriptor`.
    public init(_ descriptor: MessageDescriptor) {
        self.descriptor = descriptor
    }

    /// The value of the field named `name` (schema or JSON name), or nil when it is unset or
    /// the message has no such field.
    public subscript(name: String) -> Value? {
        descriptor.field(named: name).flatMap { values[$0.number] }
    }

    /// The value of field number `number`, or nil when it is unset.
    public func value(forFieldNumber number: Int) -> Value? {
        values[number]
    }

    /// Sets the field named `name` (schema or JSON name) to `value`, which must suit the field:
    /// `.list` for a repeated field, `.map` for a map, `.message` of the field's message type...
    /// Setting a oneof member clears the other members.
    public mutating func set(_ name: String, to value: Value) throws(DynamicMessageError) {
        guard let field = descriptor.field(named: name) else {
            throw .unknownField(name, message: descriptor.fullName)
        }
        if let problem = value.mismatch(for: field) {
            throw .invalidValue(path: field.name, reason: problem)
        }
        store(value, in: field)
    }

    /// Unsets the field named `name`, if the message has it.
    public mutating func clear(_ name: String) {
        if let field = descriptor.field(named: name) { values[field.number] = nil }
    }

    /// The set fields with their values, in field-number order.
    public var setFields: [(field: FieldDescriptor, value: Value)] {
        descriptor.fields.compactMap { field in values[field.number].map { (field, $0) } }
    }

    /// Stores an already checked value: clears the other members of its oneof, and unsets a
    /// field without presence that gets its default value.
    mutating func store(_ value: Value, in field: FieldDescriptor) {
        if let oneof = field.oneof {
            for other in descriptor.fields where other.oneof == oneof && other.number != field.number {
                values[other.number] = nil
            }
        }
        values[field.number] = !field.hasPresence && value.isDefault ? nil : value
    }

    /// Two messages are equal when they have the same type and the same set fields.
    public static func == (lhs: DynamicMessage, rhs: DynamicMessage) -> Bool {
        lhs.descriptor.fullName == rhs.descriptor.fullName && lhs.values == rhs.values
    }
}

extension DynamicMessage: CustomStringConvertible {
    /// The message type's name and the message as compact JSON, e.g. `aura.Payload {"body":"AA=="}`.
    public var description: String { "\(descriptor.fullName) \(jsonString())" }
}
