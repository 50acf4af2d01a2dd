/// Byte classes for ASCII, as branch-light arithmetic (no table, no global to initialize).
enum ASCII {
    static let space: UInt8 = 0x20, quote: UInt8 = 0x22, hash: UInt8 = 0x23, apostrophe: UInt8 = 0x27
    static let openParen: UInt8 = 0x28, closeParen: UInt8 = 0x29, plus: UInt8 = 0x2B, comma: UInt8 = 0x2C
    static let dash: UInt8 = 0x2D, dot: UInt8 = 0x2E, slash: UInt8 = 0x2F, colon: UInt8 = 0x3A
    static let equals: UInt8 = 0x3D, at: UInt8 = 0x40, openBracket: UInt8 = 0x5B, closeBracket: UInt8 = 0x5D
    static let underscore: UInt8 = 0x5F, tab: UInt8 = 0x09

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
    @inline(__always) static func isUpper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
    @inline(__always) static func isLower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
    @inline(__always) static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isLetter(b) }
    @inline(__always) static func isHex(_ b: UInt8) -> Bool { isDigit(b) || (b | 0x20) &- 0x61 < 6 }
    /// Letters, digits and `_`: the characters of an identifier, as in a regex `\w`.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b == underscore }
    @inline(__always) static func lowercased(_ b: UInt8) -> UInt8 { isUpper(b) ? b | 0x20 : b }
    @inline(__always) static func digitValue(_ b: UInt8) -> Int { Int(b &- 0x30) }
}
