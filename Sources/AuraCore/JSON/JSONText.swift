/// JSON text written straight into a byte array, for lines the server writes by the thousand
/// (access log, spans): no Foundation, no allocation beyond the array's growth.
public enum JSONText {
    /// Appends `text` as a JSON string, quotes included, escaping what JSON requires.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20, 0x7F:
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigit(byte >> 4), hexDigit(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    /// Appends `value` in decimal, zero-padded to at least `count` digits.
    public static func appendDigits<Value: BinaryInteger>(_ value: Value, count: Int = 1, to bytes: inout [UInt8]) {
        if value < 0 { bytes.append(0x2D) }
        let start = bytes.count
        var remaining = value.magnitude
        repeat {
            bytes.append(0x30 + UInt8(remaining % 10))
            remaining /= 10
        } while remaining > 0
        while bytes.count - start < count { bytes.append(0x30) }
        bytes[start...].reverse()
    }

    /// The byte a one-character escape stands for (`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`,
    /// `\t`), given the character after the backslash; nil for anything else (`\u` included).
    @inlinable
    public static func unescaped(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): character
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}
