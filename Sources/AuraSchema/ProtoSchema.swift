/// A protobuf schema at run time: the messages, enums and services of one `.proto` file.
///
/// ```
/// let schema = try ProtoSchema(parsing: text, fileName: "aura.proto")
/// let check = schema.method(named: "aura.Health/Check")!
/// let request = try DynamicMessage(json: #"{"service": "aura.TestService"}"#, as: check.requestType, in: schema)
/// ```
/// Built once and read only, so it can be shared between threads.
public struct ProtoSchema: Sendable {
    /// The file's package, e.g. `aura`; empty when the file has none.
    public let package: String
    /// Every message, nested ones included, by full name (`aura.CallHeaders`).
    public let messages: [String: MessageDescriptor]
    /// Every enum, nested ones included, by full name (`aura.HealthCheckResponse.ServingStatus`).
    public let enums: [String: EnumDescriptor]
    /// Every service by full name (`aura.Health`).
    public let services: [String: ServiceDescriptor]
    /// Where each declaration stands in the text and the comments written for it.
    public let sourceInfo: SchemaSourceInfo

    /// Parses proto3 schema text and resolves its type names.
    ///
    /// `import` and `option` statements are read and ignored, so a type from an imported file is
    /// reported as unknown. Errors carry `fileName`, the line and the column.
    public init(parsing text: String, fileName: String = "<schema>") throws(ProtoParseError) {
        var parser = try Parser(text, fileName: fileName)
        let file = try parser.parseFile()
        let builder = try SchemaBuilder(file: file, fileName: fileName)
        package = file.package
        messages = builder.messages
        enums = builder.enumDescriptors
        services = builder.services
        sourceInfo = SchemaSourceInfo(file: file, comments: parser.comments)
    }

    /// The message with full name `name` (a leading dot is allowed), or nil.
    public func message(named name: String) -> MessageDescriptor? {
        messages[name.hasPrefix(".") ? String(name.dropFirst()) : name]
    }

    /// The enum with full name `name` (a leading dot is allowed), or nil.
    public func enumeration(named name: String) -> EnumDescriptor? {
        enums[name.hasPrefix(".") ? String(name.dropFirst()) : name]
    }

    /// The method at `path`, `"aura.Health/Check"` or `"/aura.Health/Check"`, or nil.
    public func method(named path: String) -> MethodDescriptor? {
        let trimmed = path.hasPrefix("/") ? path.dropFirst() : Substring(path)
        guard let slash = trimmed.lastIndex(of: "/") else { return nil }
        return services[String(trimmed[..<slash])]?.method(named: String(trimmed[trimmed.index(after: slash)...]))
    }

    /// Every method of every service, sorted by path.
    public var methods: [MethodDescriptor] {
        services.values.flatMap(\.methods).sorted { $0.path < $1.path }
    }
}
