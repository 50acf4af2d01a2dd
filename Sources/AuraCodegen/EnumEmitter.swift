import AuraSchema

/// Writes a schema enum as a Swift enum that keeps numbers it does not know (proto3 enums are
/// open): `case unrecognized(Int32)`.
struct EnumEmitter {
    let enumeration: EnumDescriptor
    let generator: MessageGenerator

    private var cases: [(name: String, value: EnumValueDescriptor)] {
        let names = enumeration.values.map(\.name)
        return enumeration.values.map {
            (SwiftNames.quoted(SwiftNames.enumCase($0.name, enumName: enumeration.name, allValues: names)), $0)
        }
    }

    func emit(into out: inout CodeWriter) {
        let cases = cases
        out.doc(generator.comment(enumeration.fullName, or: "`\(enumeration.fullName)`."))
        out.block("\(generator.access) enum \(enumeration.name): ProtoEnum {") { out in
            for (name, value) in cases {
                out.doc(generator.comment("\(enumeration.fullName).\(value.name)", or: "`\(value.name)` = \(value.number)."))
                out.line("case \(name)")
            }
            out.doc("A number this version of the schema does not know, kept as it came.")
            out.line("case unrecognized(Int32)")
            out.line()
            out.doc("The default: `\(enumeration.values[0].name)`.")
            out.line("\(generator.access) init() { self = .\(cases[0].name) }")
            out.line()
            out.doc("The value with this number; `unrecognized` for a number the schema does not know.")
            out.block("\(generator.access) init(rawValue: Int32) {") { out in
                out.switchBlock("rawValue") { out in
                    var seen: Set<Int32> = []
                    for (name, value) in cases where seen.insert(value.number).inserted {
                        out.line("case \(value.number): self = .\(name)")
                    }
                    out.line("default: self = .unrecognized(rawValue)")
                }
            }
            out.line()
            out.doc("The number on the wire.")
            out.block("\(generator.access) var rawValue: Int32 {") { out in
                out.switchBlock("self") { out in
                    for (name, value) in cases { out.line("case .\(name): return \(value.number)") }
                    out.line("case .unrecognized(let number): return number")
                }
            }
            out.line()
            out.doc("The name in the schema, e.g. `\(enumeration.values[0].name)`; nil for an unrecognized number.")
            out.block("\(generator.access) var name: String? {") { out in
                out.switchBlock("self") { out in
                    for (name, value) in cases { out.line("case .\(name): return \"\(value.name)\"") }
                    out.line("case .unrecognized: return nil")
                }
            }
        }
    }
}
