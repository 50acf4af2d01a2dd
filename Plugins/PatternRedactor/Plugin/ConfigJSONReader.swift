/// A strict reader for the small JSON documents plugin configs are: objects, arrays, strings,
/// `true`/`false`/`null` and numbers, with standard escapes. It reads from host-owned bytes
/// (not NUL-terminated) and reports the first problem with its byte offset. No Foundation: the
/// server stays free of it, and a plugin must not pull it into the process.
struct ConfigJSONReader {
    struct Failure: Error {
        var message: String
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    var isAtEnd: Bool { index >= bytes.count }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) if it is next.
    mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// Consumes `byte` or fails, naming what was expected.
    mutating func expect(_ byte: UInt8, _ expected: String) throws(Failure) {
        guard consume(byte) else { throw failure("expected \(expected)") }
    }

    /// Fails unless only whitespace remains.
    mutating func expectEnd() throws(Failure) {
        skipWhitespace()
        guard isAtEnd else { throw failure("unexpected text after the JSON object") }
    }

    /// What the next value is, judged by its first byte; its raw value names it in messages.
    enum ValueKind: String {
        case string = "a string", array = "an array", object = "an object", boolean = "a boolean", null
        case number = "a number", end = "the end of the text", invalid = "invalid JSON"
    }

    /// The kind of the next value (after whitespace), without consuming it.
    mutating func peekKind() -> ValueKind {
        skipWhitespace()
        guard index < bytes.count else { return .end }
        switch bytes[index] {
        case 0x22: return .string
        case 0x5B: return .array
        case 0x7B: return .object
        case 0x74, 0x66: return .boolean
        case 0x6E: return .null
        case 0x2D, 0x30...0x39: return .number
        default: return .invalid
        }
    }

    /// Reads a string value, decoding escapes; rejects control characters and invalid UTF-8.
    mutating func readString() throws(Failure) -> String {
        try expect(0x22, "a string")
        var utf8: [UInt8] = []
        while true {
            guard index < bytes.count else { throw failure("unterminated string") }
            let byte = bytes[index]
            index += 1
            switch byte {
            case 0x22:
                guard let text = String(validating: utf8, as: UTF8.self) else {
                    throw failure("string is not valid UTF-8")
                }
                return text
            case 0x5C:
                try readEscape(into: &utf8)
            case 0x00..<0x20:
                throw failure("control character in string")
            default:
                utf8.append(byte)
            }
        }
    }

    private mutating func readEscape(into utf8: inout [UInt8]) throws(Failure) {
        guard index < bytes.count else { throw failure("unterminated escape") }
        let byte = bytes[index]
        index += 1
        switch byte {
        case 0x22, 0x5C, 0x2F: utf8.append(byte)
        case 0x62: utf8.append(0x08)
        case 0x66: utf8.append(0x0C)
        case 0x6E: utf8.append(0x0A)
        case 0x72: utf8.append(0x0D)
        case 0x74: utf8.append(0x09)
        case 0x75:
            var value = try readHex4()
            if (0xD800..<0xDC00).contains(value) {
                guard consumeLiteral("\\u") else { throw failure("unpaired surrogate escape") }
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low) else { throw failure("unpaired surrogate escape") }
                value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
            }
            guard let scalar = Unicode.Scalar(value) else { throw failure("unpaired surrogate escape") }
            utf8.append(contentsOf: String(scalar).utf8)
        default:
            throw failure("invalid escape")
        }
    }

    private mutating func readHex4() throws(Failure) -> UInt32 {
        guard index + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case 0x30...0x39: digit = byte - 0x30
            case 0x41...0x46: digit = byte - 0x41 + 10
            case 0x61...0x66: digit = byte - 0x61 + 10
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func consumeLiteral(_ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != literal.utf8Start[offset] { return false }
        index += count
        return true
    }

    func failure(_ message: String) -> Failure {
        Failure(message: "invalid config JSON at byte \(index): \(message)")
    }
}
