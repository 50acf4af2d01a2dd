import PatternRedactorCore

/// The plugin's configuration: `{"types": ["EMAIL", "PHONE"]}` restricts detection to those
/// wire names; an empty config (or `{}`) detects every type. Anything else is refused with a
/// message that says what is wrong: malformed JSON, an unknown key, an unknown type name, or
/// an empty list.
struct RedactorConfig {
    var types: Set<PIIType> = PIIType.all

    init() {}

    init(json bytes: UnsafeBufferPointer<UInt8>) throws(ConfigJSONReader.Failure) {
        var reader = ConfigJSONReader(bytes)
        reader.skipWhitespace()
        if reader.isAtEnd { return }  // blank: the defaults
        try reader.expect(0x7B, "a JSON object")
        var seenTypes = false
        if !reader.consume(0x7D) {
            repeat {
                let key = try reader.readString()
                try reader.expect(0x3A, "':' after a key")
                guard key == "types" else {
                    throw ConfigJSONReader.Failure(message: "unknown config key \(Self.quoted(key)); the only key is \"types\"")
                }
                guard !seenTypes else { throw reader.failure("duplicate key \"types\"") }
                seenTypes = true
                types = try Self.readTypes(&reader)
            } while reader.consume(0x2C)
            try reader.expect(0x7D, "',' or '}'")
        }
        try reader.expectEnd()
    }

    private static func readTypes(_ reader: inout ConfigJSONReader) throws(ConfigJSONReader.Failure) -> Set<PIIType> {
        let kind = reader.peekKind()
        guard kind == .array else {
            throw reader.failure("\"types\" must be an array of type names, not \(kind.rawValue)")
        }
        try reader.expect(0x5B, "'['")
        var types: Set<PIIType> = []
        if !reader.consume(0x5D) {
            repeat {
                let kind = reader.peekKind()
                guard kind == .string else {
                    throw reader.failure("\"types\" holds type names (strings), not \(kind.rawValue)")
                }
                let name = try reader.readString()
                guard let type = PIIType(rawValue: name) else {
                    let known = PIIType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ConfigJSONReader.Failure(message: "unknown type \(quoted(name)); known types: \(known)")
                }
                types.insert(type)
            } while reader.consume(0x2C)
            try reader.expect(0x5D, "',' or ']'")
        }
        guard !types.isEmpty else {
            throw ConfigJSONReader.Failure(message: "\"types\" is empty; name at least one type or leave it out for all")
        }
        return types
    }

    /// `text` in quotes for a message: at most 40 characters, control characters as `?`.
    private static func quoted(_ text: String) -> String {
        let shown = text.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        return "\"\(shown)\(text.unicodeScalars.count > 40 ? "..." : "")\""
    }
}
