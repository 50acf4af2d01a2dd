import AuraBytes

/// A strict JSON parser (RFC 8259) for small files read from disk (keys.json, plugins.json).
///
/// Bounded for hostile input: the text may hold at most `maximumBytes` bytes and nest arrays
/// and objects at most `maximumDepth` deep, so neither memory nor the stack grows with what a
/// file claims. Refuses what RFC 8259 does not allow (comments, trailing commas, leading
/// zeros, NaN, control characters and invalid UTF-8 in strings, lone surrogates, a repeated
/// member name, anything after the value) with the byte offset where it went wrong.
public struct JSONReader {
    /// The most bytes of text accepted.
    public var maximumBytes: Int
    /// The deepest nesting of arrays and objects accepted.
    public var maximumDepth: Int

    /// A reader with these limits.
    public init(maximumBytes: Int = 4 << 20, maximumDepth: Int = 32) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// The value `text` holds.
    public func parse(_ text: [UInt8]) throws(JSONError) -> JSONValue {
        guard text.count <= maximumBytes else { throw JSONError("the JSON text has \(text.count) bytes, more than the \(maximumBytes) allowed") }
        return try text.withUnsafeBufferPointer { (bytes) throws(JSONError) in
            var cursor = JSONCursor(bytes: bytes, maximumDepth: maximumDepth)
            let value = try cursor.value(depth: 0)
            cursor.skipWhitespace()
            guard cursor.atEnd else { throw cursor.error("unexpected text after the JSON value") }
            return value
        }
    }
}

/// The parser's position in the text.
private struct JSONCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    let maximumDepth: Int
    var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>, maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
    }

    var atEnd: Bool { offset == bytes.count }
    private var next: UInt8? { atEnd ? nil : bytes[offset] }

    func error(_ message: String) -> JSONError { JSONError("at byte \(offset): \(message)") }

    mutating func skipWhitespace() {
        while let byte = next, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { offset += 1 }
    }

    mutating func value(depth: Int) throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard let byte = next else { throw error("the text ends where a value should start") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character '\(Self.printable(byte))'")
        }
    }

    private mutating func object(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= maximumDepth else { throw error("nested deeper than \(maximumDepth) levels") }
        offset += 1  // {
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if consume(UInt8(ascii: "}")) { return .object(members) }
        repeat {
            skipWhitespace()
            guard next == UInt8(ascii: "\"") else { throw error("expected a member name in quotes") }
            let nameOffset = offset
            let name = try string()
            skipWhitespace()
            guard consume(UInt8(ascii: ":")) else { throw error("expected ':' after the member name") }
            let value = try value(depth: depth)
            guard members.updateValue(value, forKey: name) == nil else {
                throw JSONError("at byte \(nameOffset): the member \"\(name)\" appears twice")
            }
            skipWhitespace()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "}")) else { throw error("expected ',' or '}' in an object") }
        return .object(members)
    }

    private mutating func array(depth: Int) throws(JSONError) -> JSONValue {
        guard depth <= maximumDepth else { throw error("nested deeper than \(maximumDepth) levels") }
        offset += 1  // [
        var elements: [JSONValue] = []
        skipWhitespace()
        if consume(UInt8(ascii: "]")) { return .array(elements) }
        repeat {
            elements.append(try value(depth: depth))
            skipWhitespace()
        } while consume(UInt8(ascii: ","))
        guard consume(UInt8(ascii: "]")) else { throw error("expected ',' or ']' in an array") }
        return .array(elements)
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        offset += 1
        return true
    }

    private mutating func literal(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        guard bytes.count - offset >= count, (0..<count).allSatisfy({ bytes[offset + $0] == word.utf8Start[$0] }) else {
            throw error("unexpected character '\(Self.printable(bytes[offset]))'")
        }
        offset += count
    }

    /// A number by RFC 8259's grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func number() throws(JSONError) -> JSONValue {
        let start = offset
        _ = consume(UInt8(ascii: "-"))
        guard let first = next, Self.isDigit(first) else { throw error("expected a digit") }
        if first == UInt8(ascii: "0") {
            offset += 1
            if let after = next, Self.isDigit(after) { throw error("a number may not start with 0") }
        } else {
            skipDigits()
        }
        var isInteger = true
        if consume(UInt8(ascii: ".")) {
            isInteger = false
            guard let digit = next, Self.isDigit(digit) else { throw error("expected a digit after '.'") }
            skipDigits()
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            isInteger = false
            offset += 1
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { offset += 1 }
            guard let digit = next, Self.isDigit(digit) else { throw error("expected a digit in the exponent") }
            skipDigits()
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        if isInteger {
            guard let integer = Int64(text) else { throw JSONError("at byte \(start): the integer \(text) is out of range") }
            return .integer(integer)
        }
        guard let number = Double(text), number.isFinite else { throw JSONError("at byte \(start): the number \(text) is out of range") }
        return .number(number)
    }

    private mutating func skipDigits() {
        while let byte = next, Self.isDigit(byte) { offset += 1 }
    }

    /// A string, the opening quote at `offset`.
    private mutating func string() throws(JSONError) -> String {
        offset += 1  // "
        var utf8: [UInt8] = []
        while true {
            guard let byte = next else { throw error("the text ends inside a string") }
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                guard let text = String(validating: utf8, as: UTF8.self) else { throw error("the string before this is not valid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                offset += 1
                try escape(into: &utf8)
            case 0..<0x20:
                throw error("a control character (0x\(String(byte, radix: 16))) in a string must be escaped")
            default:
                utf8.append(byte)
                offset += 1
            }
        }
    }

    private mutating func escape(into utf8: inout [UInt8]) throws(JSONError) {
        guard let byte = next else { throw error("the text ends inside a string") }
        offset += 1
        if let unescaped = JSONText.unescaped(byte) {
            utf8.append(unescaped)
            return
        }
        switch byte {
        case UInt8(ascii: "u"):
            var scalar = UInt32(try hexQuad())
            if (0xD800..<0xDC00).contains(scalar) {
                guard consume(UInt8(ascii: "\\")), consume(UInt8(ascii: "u")) else { throw error("a lone surrogate in \\u escapes") }
                let low = UInt32(try hexQuad())
                guard (0xDC00..<0xE000).contains(low) else { throw error("a lone surrogate in \\u escapes") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw error("a lone surrogate in \\u escapes") }
            utf8.append(contentsOf: UTF8.encode(unicode)!)
        default:
            throw error("unknown escape '\\\(Self.printable(byte))'")
        }
    }

    private mutating func hexQuad() throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard let byte = next, let digit = HexDigit.value(byte) else { throw error("expected 4 hex digits after \\u") }
            value = value << 4 | UInt16(digit)
            offset += 1
        }
        return value
    }

    private static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    private static func printable(_ byte: UInt8) -> String {
        (0x21..<0x7F).contains(byte) ? String(UnicodeScalar(byte)) : "0x" + String(byte, radix: 16)
    }
}
