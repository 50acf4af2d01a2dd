import AuraSchema

/// Turns a schema into Swift: a struct per message and an enum per enum, each with its protobuf
/// codec on `ProtoReader` and `ProtoWriter`, in the schema's order and with its comments.
///
/// ```
/// let schema = try ProtoSchema(parsing: text, fileName: "aura.proto")
/// let swift = try MessageGenerator(schema: schema, options: .auraMessages).render()
/// ```
public struct MessageGenerator {
    private let schema: ProtoSchema
    private let options: GeneratorOptions
    private let packagePrefix: String

    /// Checks that every message of `schema` can be generated.
    public init(schema: ProtoSchema, options: GeneratorOptions) throws(CodegenError) {
        self.schema = schema
        self.options = options
        packagePrefix = schema.package.isEmpty ? "" : schema.package + "."
        try checkNoValueCycles()
    }

    /// The generated file.
    public func render() -> String {
        var out = CodeWriter()
        out.line("// Generated from \(options.schemaPath) by aura-protoc; do not edit.")
        out.line("// Regenerate with `swift run aura-protoc` from the package root (docs/MESSAGES.md).")
        out.line()
        for module in options.imports { out.line("import \(module)") }
        for name in children(of: nil) {
            out.line()
            emit(name, into: &out)
        }
        out.line()
        emitRegistry(into: &out)
        return out.text
    }

    /// `<registryName>.byName`: every generated message type by its schema name, for generic
    /// callers (tests that check every message against the schema, tools that decode by name).
    private func emitRegistry(into out: inout CodeWriter) {
        let names = schema.messages.keys.filter { isGenerated($0) }.sorted()
        out.doc("Every message type generated from \(options.schemaPath), by its full schema name.")
        out.block("\(access) enum \(options.registryName) {") { out in
            out.doc("The message types by full name, e.g. `\(names.first ?? "package.Message")`.")
            out.block("\(access) static let byName: [String: any GeneratedMessage.Type] = [", closing: "]") { out in
                for name in names { out.line("\"\(name)\": \(swiftTypeName(name)).self,") }
            }
        }
    }

    /// Whether a message is generated: neither it nor a message enclosing it is excluded.
    private func isGenerated(_ fullName: String) -> Bool {
        var name = Substring(fullName)
        while true {
            if options.excludedMessages.contains(String(name)) { return false }
            guard let dot = name.lastIndex(of: "."), name[..<dot].count > schema.package.count else { return true }
            name = name[..<dot]
        }
    }

    // MARK: Declarations

    private func emit(_ fullName: String, into out: inout CodeWriter) {
        if let message = schema.messages[fullName] {
            MessageEmitter(message: message, generator: self).emit(into: &out)
        } else if let enumeration = schema.enums[fullName] {
            EnumEmitter(enumeration: enumeration, generator: self).emit(into: &out)
        }
    }

    /// The messages and enums declared directly in `parent` (nil: at the top), in source order.
    func children(of parent: String?) -> [String] {
        let prefix = parent.map { $0 + "." } ?? packagePrefix
        let names = Array(schema.messages.keys) + Array(schema.enums.keys)
        return names
            .filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains(".") }
            .filter { !options.excludedMessages.contains($0) }
            .sorted { (schema.sourceInfo.line(of: $0) ?? 0, $0) < (schema.sourceInfo.line(of: $1) ?? 0, $1) }
    }

    /// Emits the nested declarations of `parent`.
    func emitChildren(of parent: String, into out: inout CodeWriter) {
        for name in children(of: parent) {
            emit(name, into: &out)
            out.line()
        }
    }

    // MARK: Names and comments

    /// The access level of every generated declaration.
    var access: String { options.accessLevel.rawValue }

    /// The Swift name of a message or enum: its full name without the package.
    func swiftTypeName(_ fullName: String) -> String {
        String(fullName.dropFirst(packagePrefix.count))
    }

    /// The Swift type of one value of `type`.
    func swiftType(_ type: FieldType) -> SwiftType {
        SwiftType(type) { swiftTypeName($0) }
    }

    /// The schema's comment for a declaration, or `fallback`.
    func comment(_ name: String, or fallback: String) -> String {
        schema.sourceInfo.comment(of: name) ?? fallback
    }

    // MARK: Checks

    /// Structs cannot contain themselves: refuse a message that holds itself through singular
    /// message fields (repeated and map fields are fine).
    private func checkNoValueCycles() throws(CodegenError) {
        for start in schema.messages.keys.sorted() {
            var stack = [(start, [start])]
            var seen: Set<String> = []
            while let (current, path) = stack.popLast() {
                for field in schema.messages[current]?.fields ?? [] where !field.isRepeated {
                    guard case .message(let next) = field.type else { continue }
                    if next == start {
                        throw CodegenError("message \(start) contains itself through \((path + [next]).joined(separator: " -> ")); recursive messages are not supported")
                    }
                    if seen.insert(next).inserted { stack.append((next, path + [next])) }
                }
            }
        }
    }
}
