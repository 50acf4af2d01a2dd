import AuraPluginKit
import PatternRedactorCore

/// The plugin's configuration: `{"types": ["EMAIL", "PHONE"]}` restricts detection to those
/// wire names; an empty config (or `{}`) detects every type. Anything else is refused with a
/// message that says what is wrong: malformed JSON, an unknown key, an unknown type name, or
/// an empty list.
struct RedactorConfig {
    var types: Set<PIIType> = PIIType.all

    init(json bytes: UnsafeRawBufferPointer) throws(ConfigError) {
        guard let value = try ConfigJSON.parseConfig(bytes) else { return }
        for (_, member) in try value.configMembers(known: ["types"]) {
            types = try Self.types(in: member)
        }
    }

    private static func types(in value: ConfigJSON.Value) throws(ConfigError) -> Set<PIIType> {
        guard case .array(let elements) = value else {
            throw ConfigError("\"types\" must be an array of type names, not \(value.kindName)")
        }
        var types: Set<PIIType> = []
        for element in elements {
            guard case .string(let name) = element else {
                throw ConfigError("\"types\" holds type names (strings), not \(element.kindName)")
            }
            guard let type = PIIType(rawValue: name) else {
                let known = PIIType.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigError("unknown type \(ConfigJSON.Value.quoted(name)); known types: \(known)")
            }
            types.insert(type)
        }
        guard !types.isEmpty else {
            throw ConfigError("\"types\" is empty; name at least one type or leave it out for all")
        }
        return types
    }
}
