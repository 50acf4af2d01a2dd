/// ASCII hexadecimal digits, as the JSON readers, the key files, API key tokens and TLS key-log
/// lines spell them.
public enum HexDigit {
    /// The value of `byte` as a hex digit (0-9, a-f, A-F), or nil when it is not one.
    @inlinable
    public static func value(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Whether `bytes` is one or more lowercase hex digits (0-9, a-f), checked 8 bytes a step.
    @inlinable
    public static func areLowercase(_ bytes: UnsafeRawBufferPointer) -> Bool {
        ASCIIWord.all(bytes, padding: UInt8(ascii: "0")) { word in
            word & ASCIIWord.highs == 0
                && ASCIIWord.within(word, 0x30, 0x39) | ASCIIWord.within(word, 0x61, 0x66) == ASCIIWord.highs
        }
    }

    /// The number that 1 to 16 lowercase hex digits spell, or nil when `bytes` is not that.
    @inlinable
    public static func lowercaseValue(_ bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard bytes.count <= 16, areLowercase(bytes) else { return nil }
        var value: UInt64 = 0
        for byte in bytes { value = value << 4 | UInt64(byte <= 0x39 ? byte - 0x30 : byte - 0x57) }
        return value
    }
}
