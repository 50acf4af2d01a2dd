/// The one JSON reader of the Swift plugins: a small strict parser (RFC 8259) for the config a
/// plugin's `create` receives (its `NAME.json`): objects, arrays, strings with escapes, numbers,
/// true, false, null. Nesting is limited to `maxDepth`; every error names the byte offset.
public struct ConfigJSON {
    /// A parsed JSON value; object members keep their order.
    public indirect enum Value: Equatable, Sendable {
        /// An object's members in order.
        case object([(String, Value)])
        /// An array's elements.
        case array([Value])
        /// A string.
        case string(String)
        /// A finite number.
        case number(Double)
        /// `true` or `false`.
        case bool(Bool)
        /// `null`.
        case null

        /// Structural equality (members compared in order).
        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.object(let x), .object(let y)):
                x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
            case (.array(let x), .array(let y)): x == y
            case (.string(let x), .string(let y)): x == y
            case (.number(let x), .number(let y)): x == y
            case (.bool(let x), .bool(let y)): x == y
            case (.null, .null): true
            default: false
            }
        }
    }

    /// The deepest nesting accepted.
    public static let maxDepth = 32

    private let bytes: UnsafeRawBufferPointer
    private var i = 0

    /// A parser over `bytes`, UTF-8 JSON.
    public init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    /// The value of a config: nil when `bytes` is empty or blank (the plugin's defaults).
    public static func parseConfig(_ bytes: UnsafeRawBufferPointer) throws(ConfigError) -> Value? {
        var parser = ConfigJSON(bytes)
        guard !parser.skipWhitespaceToEnd() else { return nil }
        return try parser.parseDocument()
    }

    /// Skips whitespace; true if nothing else is left.
    public mutating func skipWhitespaceToEnd() -> Bool {
        skipWhitespace()
        return i == bytes.count
    }

    /// One value and nothing after it.
    public mutating func parseDocument() throws(ConfigError) -> Value {
        let value = try parseValue(depth: 0)
        skipWhitespace()
        guard i == bytes.count else { throw error("unexpected data after the JSON value") }
        return value
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[i]) { i += 1 }
    }

    private func error(_ what: String) -> ConfigError { ConfigError("malformed config JSON at byte \(i): \(what)") }

    private mutating func expect(_ literal: StaticString) throws(ConfigError) {
        let n = literal.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw error("unexpected end") }
        for k in 0..<n where bytes[i + k] != literal.utf8Start[k] { throw error("invalid literal") }
        i += n
    }

    private mutating func parseValue(depth: Int) throws(ConfigError) -> Value {
        guard depth < ConfigJSON.maxDepth else { throw error("nested too deeply") }
        skipWhitespace()
        guard i < bytes.count else { throw error("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try parseObject(depth: depth)
        case UInt8(ascii: "["): return try parseArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expect("true"); return .bool(true)
        case UInt8(ascii: "f"): try expect("false"); return .bool(false)
        case UInt8(ascii: "n"): try expect("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character")
        }
    }

    private mutating func parseObject(depth: Int) throws(ConfigError) -> Value {
        i += 1
        var members: [(String, Value)] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a key string") }
            let key = try parseString()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':'") }
            i += 1
            members.append((key, try parseValue(depth: depth + 1)))
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end in object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func parseArray(depth: Int) throws(ConfigError) -> Value {
        i += 1
        var elements: [Value] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
        while true {
            elements.append(try parseValue(depth: depth + 1))
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end in array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(elements) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func parseString() throws(ConfigError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                guard let s = String(validating: out, as: UTF8.self) else { throw error("string is not UTF-8") }
                return s
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { throw error("unexpected end in string") }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0c)
                case UInt8(ascii: "n"): out.append(0x0a)
                case UInt8(ascii: "r"): out.append(0x0d)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try parseHex4()
                    if (0xd800...0xdbff).contains(scalar) {
                        try expect("\\u")
                        let low = try parseHex4()
                        guard (0xdc00...0xdfff).contains(low) else { throw error("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low - 0xdc00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw error("invalid escape")
                }
            case 0x00..<0x20: throw error("control character in string")
            default: out.append(b)
            }
        }
        throw error("unterminated string")
    }

    private mutating func parseHex4() throws(ConfigError) -> UInt32 {
        guard i + 4 <= bytes.count else { throw error("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            i += 1
            let d: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = b - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = b - 0x61 + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = b - 0x41 + 10
            default: throw error("invalid hex digit")
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private mutating func parseNumber() throws(ConfigError) -> Double {
        let start = i
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        func digits() -> Int {
            let s = i
            while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
            return i - s
        }
        guard i < bytes.count else { throw error("invalid number") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { throw error("invalid number") }
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw error("invalid number") }
        }
        if i < bytes.count && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            guard digits() > 0 else { throw error("invalid number") }
        }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("invalid number") }
        return value
    }
}

/// Why a config was refused, in one sentence.
public struct ConfigError: Error, Equatable, Sendable {
    /// The sentence.
    public var message: String

    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
}

extension ConfigJSON.Value {
    /// The members of a config object, each checked against `known` keys: a non-object, an
    /// unknown key or a repeated one is an error naming it, so a typo never passes silently.
    public func configMembers(known: [String]) throws(ConfigError) -> [(key: String, value: ConfigJSON.Value)] {
        guard case .object(let members) = self else { throw ConfigError("config must be a JSON object") }
        var seen: Set<String> = []
        for (key, _) in members {
            guard known.contains(key) else {
                throw ConfigError("unknown config key \(Self.quoted(key)); known: \(known.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw ConfigError("duplicate config key \(Self.quoted(key))") }
        }
        return members.map { (key: $0.0, value: $0.1) }
    }

    /// `text` in quotes for a message: at most 40 characters, control characters as `?`.
    public static func quoted(_ text: String) -> String {
        let shown = text.unicodeScalars.prefix(40).map { $0.value < 0x20 || $0.value == 0x7F ? "?" : String($0) }.joined()
        return "\"\(shown)\(text.unicodeScalars.count > 40 ? "..." : "")\""
    }

    /// The value's kind in words, for messages: "an object", "a string", ...
    public var kindName: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .bool: return "a boolean"
        case .null: return "null"
        }
    }
}
