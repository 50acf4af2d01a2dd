/// Turns a parsed file into descriptors: declares every type, resolves every type reference and
/// checks what protoc checks for field numbers, names and enums.
struct SchemaBuilder {
    private let file: FileSyntax
    private let fileName: String
    private var scope = TypeScope()
    private var enums: [String: EnumDescriptor] = [:]
    private(set) var messages: [String: MessageDescriptor] = [:]
    private(set) var services: [String: ServiceDescriptor] = [:]

    /// Builds descriptors for `file`, whose text came from `fileName`.
    init(file: FileSyntax, fileName: String) throws(ProtoParseError) {
        self.file = file
        self.fileName = fileName
        scope.declare(package: file.package)
        let prefix = file.package.isEmpty ? "" : file.package + "."
        for message in file.messages { try declare(message, prefix: prefix) }
        for syntax in file.enums { try declare(syntax, prefix: prefix) }
        for syntax in file.enums { try build(syntax, prefix: prefix) }
        for message in file.messages { try buildEnums(in: message, prefix: prefix) }
        for message in file.messages { try build(message, prefix: prefix) }
        for service in file.services { try build(service, prefix: prefix) }
    }

    /// The enums by full name.
    var enumDescriptors: [String: EnumDescriptor] { enums }

    // MARK: Declaring names

    private mutating func declare(_ message: MessageSyntax, prefix: String) throws(ProtoParseError) {
        let fullName = prefix + message.name
        guard scope.declare(fullName, as: .message) else {
            throw error(at: message.location, "\"\(fullName)\" is already defined")
        }
        for nested in message.messages { try declare(nested, prefix: fullName + ".") }
        for nested in message.enums { try declare(nested, prefix: fullName + ".") }
    }

    private mutating func declare(_ syntax: EnumSyntax, prefix: String) throws(ProtoParseError) {
        guard scope.declare(prefix + syntax.name, as: .enumeration) else {
            throw error(at: syntax.location, "\"\(prefix + syntax.name)\" is already defined")
        }
    }

    // MARK: Enums

    private mutating func buildEnums(in message: MessageSyntax, prefix: String) throws(ProtoParseError) {
        let fullName = prefix + message.name
        for syntax in message.enums { try build(syntax, prefix: fullName + ".") }
        for nested in message.messages { try buildEnums(in: nested, prefix: fullName + ".") }
    }

    private mutating func build(_ syntax: EnumSyntax, prefix: String) throws(ProtoParseError) {
        let fullName = prefix + syntax.name
        guard let first = syntax.values.first else {
            throw error(at: syntax.location, "enum \(fullName) must have at least one value")
        }
        guard first.number == 0 else {
            throw error(at: first.location, "the first value of enum \(fullName) must be 0 in proto3")
        }
        var names: Set<String> = []
        var numbers: Set<Int> = []
        for value in syntax.values {
            guard names.insert(value.name).inserted else {
                throw error(at: value.location, "enum value \(value.name) is already defined in \(fullName)")
            }
            guard numbers.insert(value.number).inserted || syntax.allowAlias else {
                throw error(at: value.location, "enum value \(value.name) reuses number \(value.number); set option allow_alias = true to allow aliases")
            }
        }
        enums[fullName] = EnumDescriptor(
            name: syntax.name, fullName: fullName,
            values: syntax.values.map { EnumValueDescriptor(name: $0.name, number: Int32($0.number)) })
    }

    // MARK: Messages

    private mutating func build(_ message: MessageSyntax, prefix: String) throws(ProtoParseError) {
        let fullName = prefix + message.name
        var fields: [FieldDescriptor] = []
        var numbers: [Int: String] = [:]
        var names: [String: String] = [:]
        for syntax in message.fields {
            let field = try build(syntax, in: fullName)
            try check(syntax, of: message, fullName: fullName)
            if let other = numbers.updateValue(syntax.name, forKey: syntax.number) {
                throw error(at: syntax.numberLocation, "field \(syntax.name) uses number \(syntax.number), already used by \(other) in \(fullName)")
            }
            for key in Set([field.name, field.jsonName]) {
                if let other = names[key] {
                    throw error(at: syntax.location, "field \(syntax.name) clashes with field \(other) in \(fullName): both are named or JSON-named \"\(key)\"")
                }
            }
            names[field.name] = field.name
            names[field.jsonName] = field.name
            fields.append(field)
        }
        messages[fullName] = MessageDescriptor(name: message.name, fullName: fullName, fields: fields, oneofs: message.oneofs)
        for nested in message.messages { try build(nested, prefix: fullName + ".") }
    }

    private func check(_ field: FieldSyntax, of message: MessageSyntax, fullName: String) throws(ProtoParseError) {
        guard (1...FieldNumbers.max).contains(field.number) else {
            throw error(at: field.numberLocation, "field number \(field.number) of \(field.name) must be between 1 and \(FieldNumbers.max)")
        }
        guard !FieldNumbers.implementationReserved.contains(field.number) else {
            throw error(at: field.numberLocation, "field numbers 19000 to 19999 are reserved for the protobuf implementation")
        }
        if message.reservedNumbers.contains(where: { $0.contains(field.number) }) {
            throw error(at: field.numberLocation, "field \(field.name) uses reserved number \(field.number) in \(fullName)")
        }
        if message.reservedNames.contains(field.name) {
            throw error(at: field.location, "field name \(field.name) is reserved in \(fullName)")
        }
    }

    private func build(_ syntax: FieldSyntax, in messageName: String) throws(ProtoParseError) -> FieldDescriptor {
        let type = try resolveType(syntax.typeName, at: syntax.typeLocation, in: messageName)
        var cardinality: FieldDescriptor.Cardinality
        switch syntax.label {
        case .none: cardinality = .singular
        case .optional: cardinality = .optional
        case .repeated: cardinality = .repeated
        }
        if let keyName = syntax.mapKeyTypeName {
            guard let key = FieldType.scalarsByKeyword[keyName], key.isValidMapKey else {
                throw error(at: syntax.location, "invalid map key type \"\(keyName)\": use an integer type, bool or string")
            }
            cardinality = .map(key: key)
        }
        if syntax.packed != nil, !(cardinality == .repeated && type.isPackable) {
            throw error(at: syntax.location, "option packed applies only to repeated scalar number fields")
        }
        return FieldDescriptor(
            name: syntax.name, jsonName: syntax.jsonName, number: syntax.number, type: type,
            cardinality: cardinality, oneof: syntax.oneof, isPacked: syntax.packed)
    }

    private func resolveType(_ name: String, at location: SourcePosition, in scopeName: String) throws(ProtoParseError) -> FieldType {
        if let scalar = FieldType.scalarsByKeyword[name] { return scalar }
        guard let (fullName, kind) = scope.resolve(name, in: scopeName) else {
            throw error(at: location, "unknown type \"\(name)\"")
        }
        switch kind {
        case .message: return .message(fullName: fullName)
        case .enumeration: return .enumeration(enums[fullName]!)
        }
    }

    // MARK: Services

    private mutating func build(_ service: ServiceSyntax, prefix: String) throws(ProtoParseError) {
        let fullName = prefix + service.name
        guard services[fullName] == nil, scope.types[fullName] == nil else {
            throw error(at: service.location, "\"\(fullName)\" is already defined")
        }
        var methods: [MethodDescriptor] = []
        for method in service.methods {
            guard !methods.contains(where: { $0.name == method.name }) else {
                throw error(at: method.location, "method \(method.name) is already defined in service \(fullName)")
            }
            methods.append(MethodDescriptor(
                name: method.name, serviceName: fullName,
                requestType: try messageType(method.requestType, at: method.requestLocation),
                responseType: try messageType(method.responseType, at: method.responseLocation),
                isClientStreaming: method.clientStreaming, isServerStreaming: method.serverStreaming))
        }
        services[fullName] = ServiceDescriptor(name: service.name, fullName: fullName, methods: methods)
    }

    private func messageType(_ name: String, at location: SourcePosition) throws(ProtoParseError) -> MessageDescriptor {
        guard let (fullName, kind) = scope.resolve(name, in: file.package) else {
            throw error(at: location, "unknown type \"\(name)\"")
        }
        guard kind == .message, let message = messages[fullName] else {
            throw error(at: location, "\"\(name)\" is not a message type")
        }
        return message
    }

    private func error(at location: SourcePosition, _ message: String) -> ProtoParseError {
        ProtoParseError(fileName: fileName, location: location, message: message)
    }
}
