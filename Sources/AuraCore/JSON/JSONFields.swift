/// The members of a JSON object, read by name with the expected type; an error names the
/// member's path in the document ("keys[2].scopes") and what was found instead.
public struct JSONFields: Sendable {
    /// Where the object is in the document ("" for the top level).
    public let path: String
    /// The object's members.
    public let members: [String: JSONValue]

    /// The members of `value`, which must be an object found at `path`.
    public init(_ value: JSONValue, path: String = "") throws(JSONError) {
        guard case .object(let members) = value else { throw Self.mismatch(path, expected: "an object", found: value) }
        self.path = path
        self.members = members
    }

    /// The member `name`, which must be present.
    public func value(_ name: String) throws(JSONError) -> JSONValue {
        guard let value = members[name] else { throw JSONError("\(describe(childPath(name))) is missing") }
        return value
    }

    /// The string member `name`.
    public func string(_ name: String) throws(JSONError) -> String {
        try Self.string(value(name), path: childPath(name))
    }

    /// The string member `name`, or nil when it is absent or null.
    public func optionalString(_ name: String) throws(JSONError) -> String? {
        guard let value = members[name], value != .null else { return nil }
        return try Self.string(value, path: childPath(name))
    }

    /// The integer member `name`, which must fit `type`.
    public func integer<Integer: FixedWidthInteger>(_ name: String, as type: Integer.Type = Integer.self) throws(JSONError) -> Integer {
        let path = childPath(name)
        let value = try value(name)
        guard case .integer(let integer) = value else { throw Self.mismatch(path, expected: "an integer", found: value) }
        guard let exact = Integer(exactly: integer) else { throw JSONError("\(describe(path)): \(integer) is out of range") }
        return exact
    }

    /// The boolean member `name`.
    public func bool(_ name: String) throws(JSONError) -> Bool {
        let value = try value(name)
        guard case .bool(let bool) = value else { throw Self.mismatch(childPath(name), expected: "a boolean", found: value) }
        return bool
    }

    /// The object member `name`.
    public func object(_ name: String) throws(JSONError) -> JSONFields {
        try JSONFields(value(name), path: childPath(name))
    }

    /// The array member `name`, each element with its path ("name[0]").
    public func array(_ name: String) throws(JSONError) -> [(value: JSONValue, path: String)] {
        let path = childPath(name)
        let value = try value(name)
        guard case .array(let elements) = value else { throw Self.mismatch(path, expected: "an array", found: value) }
        return elements.enumerated().map { (value: $0.element, path: "\(path)[\($0.offset)]") }
    }

    /// The member `name`, an array of strings.
    public func strings(_ name: String) throws(JSONError) -> [String] {
        var strings: [String] = []
        for element in try array(name) { strings.append(try Self.string(element.value, path: element.path)) }
        return strings
    }

    /// Every member of object member `name`, read by `read` (given the object and the member's
    /// name), by name: `try fields.byName("pins") { try $0.string($1) }`.
    public func byName<Value>(
        _ name: String, _ read: (JSONFields, String) throws(JSONError) -> Value
    ) throws(JSONError) -> [String: Value] {
        let object = try object(name)
        var values: [String: Value] = [:]
        for key in object.members.keys { values[key] = try read(object, key) }
        return values
    }

    /// The string `value` found at `path`.
    public static func string(_ value: JSONValue, path: String) throws(JSONError) -> String {
        guard case .string(let string) = value else { throw mismatch(path, expected: "a string", found: value) }
        return string
    }

    /// The path of member `name` of this object.
    public func childPath(_ name: String) -> String { path.isEmpty ? name : path + "." + name }

    private func describe(_ path: String) -> String { "\"\(path)\"" }

    private static func mismatch(_ path: String, expected: String, found: JSONValue) -> JSONError {
        JSONError("\(path.isEmpty ? "the document" : "\"\(path)\"") should be \(expected), not \(found.kindDescription)")
    }
}
