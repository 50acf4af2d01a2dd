/// A JSON value, as `JSONReader` parses it and `JSONValue.encoded()` writes it.
///
/// Integers without a fraction or exponent stay exact (`integer`); other numbers are `number`.
/// An object's members are unique by name (the reader refuses a repeated name).
public enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// What kind of value this is, for error messages ("a string", "an object").
    public var kindDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .integer, .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Why JSON text was refused, or a value did not have the expected shape.
public struct JSONError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What is wrong, with where it is.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
