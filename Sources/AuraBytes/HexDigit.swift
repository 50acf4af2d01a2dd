/// ASCII hexadecimal digits, as the JSON readers, the key files and TLS key-log lines spell them.
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
}
