/// One line of a JSONL document: a strict RFC 8259 parser that checks the whole line and
/// picks one top-level string field out of its object.
struct JSONLine {
    /// Objects and arrays nest at most this deep, the line's own object included.
    static let maxDepth = 64

    private let bytes: Bytes
    private let line: Int
    private var offset = 0

    /// The JSON text `bytes` (valid UTF-8, without its LF), which is line `line`.
    init(_ bytes: Bytes, line: Int) {
        self.bytes = bytes
        self.line = line
    }

    /// The unescaped value of the top-level string field `name`; nil if the line or the value
    /// is blank.
    mutating func string(named name: [UInt8], scratch: inout [UInt8]) throws -> String? {
        skipWhitespace()
        guard offset < bytes.count else { return nil }
        guard bytes[offset] == UInt8(ascii: "{") else {
            if Self.startsValue(bytes[offset]) { throw DocumentError(line: line, "not a JSON object") }
            throw unexpected()
        }
        var value: Range<Int>?
        var appearsTwice = false
        let source = bytes
        try object(depth: 1) { key, valueRange in
            guard source.jsonKey(key, equals: name, scratch: &scratch) else { return }
            if value == nil { value = valueRange } else { appearsTwice = true }
        }
        skipWhitespace()
        guard offset == bytes.count else { throw error("text after the object", at: offset) }
        let field = "field \"\(String(decoding: name, as: UTF8.self))\""
        guard let value else { throw DocumentError(line: line, "\(field) is missing") }
        guard !appearsTwice else { throw DocumentError(line: line, "\(field) appears twice") }
        guard bytes[value.lowerBound] == ASCII.quote else {
            throw DocumentError(line: line, "\(field) is \(Self.kind(of: bytes[value.lowerBound])), not a string")
        }
        let content = bytes[bytes: (value.lowerBound + 1)..<(value.upperBound - 1)]
        guard content.firstIndex(of: ASCII.backslash, from: 0) != nil else {
            return content.isBlank ? nil : content.string
        }
        if let unpaired = content.unescapeJSON(into: &scratch) {
            throw DocumentError(line: line, "\(field) holds an unpaired UTF-16 surrogate (byte \(value.lowerBound + unpaired + 2))")
        }
        return scratch.withUnsafeBufferPointer { $0.isBlank ? nil : $0.string }
    }

    // MARK: Grammar

    /// The object whose `{` is at `offset`, at nesting `depth`; calls `member` (if any) with
    /// each key's range inside its quotes and its value's range.
    private mutating func object(depth: Int, member: (Range<Int>, Range<Int>) -> Void) throws {
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels", at: offset) }
        offset += 1
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            guard peek == ASCII.quote else { throw expected("a field name in quotes") }
            let keyStart = offset
            try string()
            let key = (keyStart + 1)..<(offset - 1)
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { throw expected("':' after the field name") }
            offset += 1
            skipWhitespace()
            let valueStart = offset
            try value(depth: depth)
            member(key, valueStart..<offset)
            skipWhitespace()
            switch peek {
            case ASCII.comma: offset += 1
            case UInt8(ascii: "}"): offset += 1; return
            default: throw expected("',' or '}'")
            }
        }
    }

    private mutating func array(depth: Int) throws {
        guard depth <= Self.maxDepth else { throw error("nested deeper than \(Self.maxDepth) levels", at: offset) }
        offset += 1
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            offset += 1
            return
        }
        while true {
            skipWhitespace()
            try value(depth: depth)
            skipWhitespace()
            switch peek {
            case ASCII.comma: offset += 1
            case UInt8(ascii: "]"): offset += 1; return
            default: throw expected("',' or ']'")
            }
        }
    }

    /// A value inside a container at nesting `depth`.
    private mutating func value(depth: Int) throws {
        switch peek {
        case UInt8(ascii: "{"): try object(depth: depth + 1) { _, _ in }
        case UInt8(ascii: "["): try array(depth: depth + 1)
        case ASCII.quote: try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw unexpected()
        }
    }

    /// The string whose opening quote is at `offset`: escapes checked, control characters refused.
    private mutating func string() throws {
        let start = offset
        offset += 1
        while offset < bytes.count {
            offset = bytes.skippingPlainStringBytes(from: offset)
            guard offset < bytes.count else { break }
            let byte = bytes[offset]
            if byte == ASCII.quote {
                offset += 1
                return
            }
            if byte == ASCII.backslash {
                try escape()
            } else if byte < 0x20 {
                throw error("a control character in a string (escape it)", at: offset)
            } else {
                offset += 1
            }
        }
        throw error("a string is never closed", at: start)
    }

    private mutating func escape() throws {
        guard offset + 1 < bytes.count else { throw error("a string is never closed", at: offset) }
        switch bytes[offset + 1] {
        case ASCII.quote, ASCII.backslash, UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            offset += 2
        case UInt8(ascii: "u"):
            guard bytes.hexQuad(at: offset + 2) != nil else { throw error("\\u needs four hex digits", at: offset) }
            offset += 6
        default:
            throw error("an unknown escape", at: offset)
        }
    }

    private mutating func number() throws {
        let start = offset
        if peek == UInt8(ascii: "-") { offset += 1 }
        guard Self.isDigit(peek) else { throw error("a malformed number", at: start) }
        if peek == UInt8(ascii: "0") { offset += 1 } else { skipDigits() }
        if peek == UInt8(ascii: ".") {
            offset += 1
            guard Self.isDigit(peek) else { throw error("a malformed number", at: start) }
            skipDigits()
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            offset += 1
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { offset += 1 }
            guard Self.isDigit(peek) else { throw error("a malformed number", at: start) }
            skipDigits()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let length = word.utf8CodeUnitCount
        guard offset + length <= bytes.count,
            word.withUTF8Buffer({ $0.elementsEqual(bytes[offset..<(offset + length)]) })
        else { throw unexpected() }
        offset += length
    }

    // MARK: Bytes

    /// The byte at `offset`, or 0 (never valid JSON here) at the end of the line.
    private var peek: UInt8 { offset < bytes.count ? bytes[offset] : 0 }

    private mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0A, 0x0D: offset += 1
            default: return
            }
        }
    }

    private mutating func skipDigits() {
        while Self.isDigit(peek) { offset += 1 }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    private static func startsValue(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "["), ASCII.quote, UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
            return true
        default:
            return false
        }
    }

    /// What a value starting with `byte` is, for "field "x" is a number, not a string".
    private static func kind(of byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "a number"
        }
    }

    // MARK: Errors

    private func error(_ problem: String, at offset: Int) -> DocumentError {
        DocumentError(line: line, "not valid JSON: \(problem) (byte \(offset + 1))")
    }

    private func expected(_ what: String) -> DocumentError {
        offset < bytes.count ? error("expected \(what)", at: offset) : error("the line ends where \(what) should be", at: offset)
    }

    private func unexpected() -> DocumentError {
        guard offset < bytes.count else { return error("the line ends where a value should be", at: offset) }
        let byte = bytes[offset]
        if byte >= 0x21 && byte < 0x7F { return error("unexpected '\(Character(Unicode.Scalar(byte)))'", at: offset) }
        return error(byte < 0x80 ? "an unexpected control character" : "an unexpected character", at: offset)
    }
}
