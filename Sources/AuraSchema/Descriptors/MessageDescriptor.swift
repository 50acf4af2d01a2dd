/// A message of a schema: its fields, by name and by number.
public struct MessageDescriptor: Sendable, Hashable {
    /// The message's own name, e.g. `CallHeaders`.
    public let name: String
    /// The name with its package and enclosing messages, e.g. `aura.CallHeaders`.
    public let fullName: String
    /// The fields in field-number order.
    public let fields: [FieldDescriptor]
    /// The names of the message's `oneof`s, in declaration order.
    public let oneofs: [String]

    private let indexByNumber: [Int: Int]
    private let indexByName: [String: Int]

    /// Creates a message descriptor; `fields` may come in any order but must have distinct
    /// numbers, names and JSON names (the schema parser checks this).
    public init(name: String, fullName: String, fields: [FieldDescriptor], oneofs: [String] = []) {
        self.name = name
        self.fullName = fullName
        self.fields = fields.sorted { $0.number < $1.number }
        self.oneofs = oneofs
        var byNumber: [Int: Int] = [:]
        var byName: [String: Int] = [:]
        for (index, field) in self.fields.enumerated() {
            byNumber[field.number] = index
            byName[field.jsonName] = index
        }
        for (index, field) in self.fields.enumerated() { byName[field.name] = index }
        indexByNumber = byNumber
        indexByName = byName
    }

    /// The field named `name`, by its schema name or its JSON name, or nil.
    public func field(named name: String) -> FieldDescriptor? {
        indexByName[name].map { fields[$0] }
    }

    /// The field with `number`, or nil.
    public func field(number: Int) -> FieldDescriptor? {
        indexByNumber[number].map { fields[$0] }
    }
}
