/// The declarations of a schema file as written, before type names are resolved.
struct FileSyntax {
    var syntax: String?
    var package: String = ""
    var packageLocation = SourceLocation(line: 1, column: 1)
    var messages: [MessageSyntax] = []
    var enums: [EnumSyntax] = []
    var services: [ServiceSyntax] = []
}

/// A `message` declaration with what it contains.
struct MessageSyntax {
    var name: String
    var location: SourceLocation
    var fields: [FieldSyntax] = []
    var oneofs: [String] = []
    var messages: [MessageSyntax] = []
    var enums: [EnumSyntax] = []
    var reservedNumbers: [ClosedRange<Int>] = []
    var reservedNames: [String] = []
}

/// A field declaration: a plain, `optional`, `repeated`, `oneof` member or `map` field.
struct FieldSyntax {
    enum Label { case none, optional, repeated }

    var name: String
    var location: SourceLocation
    var label: Label
    /// The type as written: a scalar keyword or a (possibly dotted) message or enum name.
    var typeName: String
    var typeLocation: SourceLocation
    /// The key type of a `map<K, V>` field (then `typeName` is V).
    var mapKeyTypeName: String?
    var number: Int
    var numberLocation: SourceLocation
    var oneof: String?
    /// The `packed` option, when given.
    var packed: Bool?
    /// The `json_name` option, when given.
    var jsonName: String?
}

/// An `enum` declaration.
struct EnumSyntax {
    struct Value {
        var name: String
        var number: Int
        var location: SourceLocation
    }

    var name: String
    var location: SourceLocation
    var values: [Value] = []
    var allowAlias = false
}

/// A `service` declaration.
struct ServiceSyntax {
    var name: String
    var location: SourceLocation
    var methods: [MethodSyntax] = []
}

/// An `rpc` declaration.
struct MethodSyntax {
    var name: String
    var location: SourceLocation
    var requestType: String
    var requestLocation: SourceLocation
    var clientStreaming: Bool
    var responseType: String
    var responseLocation: SourceLocation
    var serverStreaming: Bool
}
