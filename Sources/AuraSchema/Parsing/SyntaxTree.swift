/// The declarations of a schema file as written, before type names are resolved.
struct FileSyntax {
    var package: String = ""
    var messages: [MessageSyntax] = []
    var enums: [EnumSyntax] = []
    var services: [ServiceSyntax] = []
}

/// A `message` declaration with what it contains.
struct MessageSyntax {
    var name: String
    var location: SourcePosition
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
    var location: SourcePosition
    var label: Label
    /// The type as written: a scalar keyword or a (possibly dotted) message or enum name.
    var typeName: String
    var typeLocation: SourcePosition
    /// The key type of a `map<K, V>` field (then `typeName` is V).
    var mapKeyTypeName: String?
    var number: Int
    var numberLocation: SourcePosition
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
        var location: SourcePosition
    }

    var name: String
    var location: SourcePosition
    var values: [Value] = []
    var allowAlias = false
}

/// A `service` declaration.
struct ServiceSyntax {
    var name: String
    var location: SourcePosition
    var methods: [MethodSyntax] = []
}

/// An `rpc` declaration.
struct MethodSyntax {
    var name: String
    var location: SourcePosition
    var requestType: String
    var requestLocation: SourcePosition
    var clientStreaming: Bool
    var responseType: String
    var responseLocation: SourcePosition
    var serverStreaming: Bool
}
