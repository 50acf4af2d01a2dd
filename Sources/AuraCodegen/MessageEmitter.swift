import AuraSchema

/// Writes a schema message as a Swift struct with its codec.
///
/// Singular scalars are plain properties holding their default when unset (proto3 implicit
/// presence). Message fields and `optional` fields track presence: a property that reads the
/// default when unset, `hasX` and `clearX()`. A `oneof` is an optional Swift enum. Repeated
/// scalars are written packed unless the schema says otherwise and read in either form; maps
/// are written in key order so an encoding is reproducible. Unknown fields are skipped.
struct MessageEmitter {
    let message: MessageDescriptor
    let generator: MessageGenerator

    private func type(_ field: FieldDescriptor) -> SwiftType { generator.swiftType(field.type) }
    private func plainName(_ field: FieldDescriptor) -> String { SwiftNames.member(SwiftNames.camelCase(field.name)) }
    private func property(_ field: FieldDescriptor) -> String { SwiftNames.quoted(plainName(field)) }
    private func storage(_ field: FieldDescriptor) -> String { "_" + plainName(field) }
    private func oneofProperty(_ name: String) -> String { SwiftNames.quoted(SwiftNames.member(SwiftNames.camelCase(name))) }
    private func oneofType(_ name: String) -> String { SwiftNames.camelCase(name, upperFirst: true) }
    private func oneofMembers(_ name: String) -> [FieldDescriptor] { message.fields.filter { $0.oneof == name } }

    /// Whether a singular field stores an optional behind a defaulting property.
    private func tracksPresence(_ field: FieldDescriptor) -> Bool {
        field.oneof == nil && field.hasPresence
    }

    func emit(into out: inout CodeWriter) {
        out.doc(generator.comment(message.fullName, or: "`\(message.fullName)`."))
        out.block("\(generator.access) struct \(message.name): GeneratedMessage {") { out in
            generator.emitChildren(of: message.fullName, into: &out)
            for oneof in message.oneofs { emitOneofType(oneof, into: &out) }
            for field in message.fields where field.oneof == nil { emitProperty(field, into: &out) }
            for oneof in message.oneofs {
                out.doc("Which member of `oneof \(oneof)` is set, if any.")
                out.line("\(generator.access) var \(oneofProperty(oneof)): \(oneofType(oneof))? = nil")
                out.line()
            }
            out.doc("A message with every field at its default.")
            out.line("\(generator.access) init() {}")
            out.line()
            emitMemberwiseInit(into: &out)
            emitDecoder(into: &out)
            out.line()
            emitEncoder(into: &out)
        }
    }

    // MARK: Properties

    private func emitProperty(_ field: FieldDescriptor, into out: inout CodeWriter) {
        let swift = type(field)
        let name = property(field)
        out.doc(generator.comment("\(message.fullName).\(field.name)", or: "Field \(field.number), `\(field.name)`."))
        switch field.cardinality {
        case .repeated:
            out.line("\(generator.access) var \(name): [\(swift.name)] = []")
        case .map(let key):
            out.line("\(generator.access) var \(name): [\(generator.swiftType(key).name): \(swift.name)] = [:]")
        case .singular, .optional:
            if tracksPresence(field) {
                let stored = storage(field)
                let upper = SwiftNames.camelCase(field.name, upperFirst: true)
                let plain = plainName(field)
                out.block("\(generator.access) var \(name): \(swift.name) {") { out in
                    out.line("get { \(stored) ?? \(swift.defaultValue) }")
                    out.line("set { \(stored) = newValue }")
                }
                out.doc("Whether `\(plain)` is set.")
                out.line("\(generator.access) var has\(upper): Bool { \(stored) != nil }")
                out.doc("Unsets `\(plain)`.")
                out.line("\(generator.access) mutating func clear\(upper)() { \(stored) = nil }")
                out.line("private var \(stored): \(swift.name)? = nil")
            } else {
                out.line("\(generator.access) var \(name): \(swift.name) = \(swift.defaultValue)")
            }
        }
        out.line()
    }

    private func emitOneofType(_ oneof: String, into out: inout CodeWriter) {
        out.doc("The members of `oneof \(oneof)`.")
        out.block("\(generator.access) enum \(oneofType(oneof)): Equatable, Sendable {") { out in
            for field in oneofMembers(oneof) {
                out.doc(generator.comment("\(message.fullName).\(field.name)", or: "Field \(field.number), `\(field.name)`."))
                out.line("case \(property(field))(\(type(field).name))")
            }
        }
        out.line()
    }

    // MARK: Initializers

    /// `init(field: value, ...)` with every parameter defaulted; fields with presence take an
    /// optional (nil leaves them unset).
    private func emitMemberwiseInit(into out: inout CodeWriter) {
        var parameters: [(label: String, type: String, target: String)] = []
        for field in message.fields where field.oneof == nil {
            let swift = type(field)
            let label = plainName(field)
            switch field.cardinality {
            case .repeated:
                parameters.append((label, "[\(swift.name)] = []", property(field)))
            case .map(let key):
                parameters.append((label, "[\(generator.swiftType(key).name): \(swift.name)] = [:]", property(field)))
            case .singular, .optional:
                if tracksPresence(field) {
                    parameters.append((label, "\(swift.name)? = nil", storage(field)))
                } else {
                    parameters.append((label, "\(swift.name) = \(swift.defaultValue)", property(field)))
                }
            }
        }
        for oneof in message.oneofs {
            parameters.append((SwiftNames.member(SwiftNames.camelCase(oneof)), "\(oneofType(oneof))? = nil", oneofProperty(oneof)))
        }
        guard !parameters.isEmpty else { return }
        out.doc("A message with the given fields; the others at their defaults.")
        // A keyword label gets another local name, since `self` (say) cannot be one.
        func local(_ label: String) -> String { SwiftNames.isKeyword(label) ? label + "Value" : label }
        let list = parameters.map {
            SwiftNames.isKeyword($0.label) ? "\($0.label) \(local($0.label)): \($0.type)" : "\($0.label): \($0.type)"
        }.joined(separator: ", ")
        out.block("\(generator.access) init(\(list)) {") { out in
            for parameter in parameters { out.line("self.\(parameter.target) = \(local(parameter.label))") }
        }
        out.line()
    }

    // MARK: Decoding

    private func emitDecoder(into out: inout CodeWriter) {
        out.block("\(generator.access) init(decoding buffer: ByteBuffer) throws(ProtoDecodingError) {") { out in
            guard !message.fields.isEmpty else {
                out.line("var reader = ProtoReader(buffer)")
                out.line("while let field = try reader.nextField() { try reader.skip(field) }")
                return
            }
            out.line("var reader = ProtoReader(buffer)")
            out.block("while let field = try reader.nextField() {") { out in
                out.switchBlock("field.number") { out in
                    for field in message.fields { emitDecodeCase(field, into: &out) }
                    out.line("default: try reader.skip(field)")
                }
            }
        }
    }

    private func emitDecodeCase(_ field: FieldDescriptor, into out: inout CodeWriter) {
        let swift = type(field)
        let name = property(field)
        switch field.cardinality {
        case .repeated where swift.isPackable:
            out.caseBlock("case \(field.number):") { out in
                out.line("try reader.readRepeated(field, packedAs: .\(swift.wireType), into: &\(name)) { reader, field throws(ProtoDecodingError) in \(swift.decode()) }")
            }
        case .repeated:
            out.line("case \(field.number): \(name).append(\(swift.decode()))")
        case .map(let keyType):
            let key = generator.swiftType(keyType)
            out.caseBlock("case \(field.number):") { out in
                out.line("var entry = ProtoReader(try reader.readBytes(field))")
                out.line("var key: \(key.name) = \(key.defaultValue)")
                out.line("var value: \(swift.name) = \(swift.defaultValue)")
                out.block("while let entryField = try entry.nextField() {") { out in
                    out.switchBlock("entryField.number") { out in
                        out.line("case 1: key = \(key.decode(reader: "entry", field: "entryField"))")
                        out.line("case 2: value = \(swift.decode(reader: "entry", field: "entryField"))")
                        out.line("default: try entry.skip(entryField)")
                    }
                }
                out.line("\(name)[key] = value")
            }
        case .singular, .optional:
            if let oneof = field.oneof {
                out.line("case \(field.number): \(oneofProperty(oneof)) = .\(name)(\(swift.decode()))")
            } else if tracksPresence(field) {
                out.line("case \(field.number): \(storage(field)) = \(swift.decode())")
            } else {
                out.line("case \(field.number): \(name) = \(swift.decode())")
            }
        }
    }

    // MARK: Encoding

    private func emitEncoder(into out: inout CodeWriter) {
        let signature = "\(generator.access) func encode(to writer: inout ProtoWriter) {"
        guard !message.fields.isEmpty else {
            out.line(signature.dropLast() + "{}")
            return
        }
        out.block(signature) { out in
            var writtenOneofs: Set<String> = []
            for field in message.fields {
                if let oneof = field.oneof {
                    if writtenOneofs.insert(oneof).inserted { emitEncodeOneof(oneof, into: &out) }
                } else {
                    emitEncodeField(field, into: &out)
                }
            }
        }
    }

    private func emitEncodeField(_ field: FieldDescriptor, into out: inout CodeWriter) {
        let swift = type(field)
        let name = property(field)
        switch field.cardinality {
        case .repeated where field.isPacked:
            out.block("if !\(name).isEmpty {") { out in
                out.block("writer.writeLengthDelimited(field: \(field.number)) { writer in") { out in
                    out.line("for value in \(name) { \(swift.encodePacked("value", writer: "writer")) }")
                }
            }
        case .repeated:
            out.line("for value in \(name) { \(swift.encode("value", number: field.number, always: true)) }")
        case .map(let keyType):
            let key = generator.swiftType(keyType)
            let order = keyType == .bool ? "{ !$0.key && $1.key }" : "{ $0.key < $1.key }"
            out.block("for (key, value) in \(name).sorted(by: \(order)) {") { out in
                out.block("writer.writeLengthDelimited(field: \(field.number)) { writer in") { out in
                    out.line(key.encode("key", number: 1, always: true))
                    out.line(swift.encode("value", number: 2, always: true))
                }
            }
        case .singular, .optional:
            if tracksPresence(field) {
                out.line("if let value = \(storage(field)) { \(swift.encode("value", number: field.number, always: true)) }")
            } else {
                out.line(swift.encode(name, number: field.number, always: false))
            }
        }
    }

    private func emitEncodeOneof(_ oneof: String, into out: inout CodeWriter) {
        out.switchBlock("\(oneofProperty(oneof))") { out in
            for field in oneofMembers(oneof) {
                out.line("case .\(property(field))(let value)?: \(type(field).encode("value", number: field.number, always: true))")
            }
            out.line("case nil: break")
        }
    }
}
