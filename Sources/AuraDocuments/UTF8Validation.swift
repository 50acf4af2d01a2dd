extension UnsafeBufferPointer where Element == UInt8 {
    /// The offset where the first invalid UTF-8 sequence starts, nil if all is valid UTF-8.
    ///
    /// Strict (RFC 3629): no overlong forms, no surrogates, nothing over U+10FFFF, no truncated
    /// sequence at the end. ASCII runs are checked eight bytes at a time.
    func firstInvalidUTF8() -> Int? {
        guard let base = baseAddress else { return nil }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index < count {
            while index &+ 8 <= count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                index &+= 8
            }
            while index < count, base[index] < 0x80 { index &+= 1 }
            guard index < count else { return nil }
            guard let length = Self.sequenceLength(at: index, in: base, count: count) else { return index }
            index &+= length
        }
        return nil
    }

    /// The length of the valid multi-byte sequence starting at `index`, nil if it is invalid.
    private static func sequenceLength(at index: Int, in base: UnsafePointer<UInt8>, count: Int) -> Int? {
        let lead = base[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard index + length <= count, secondRange.contains(base[index + 1]) else { return nil }
        for offset in 2..<length where base[index + offset] & 0xC0 != 0x80 { return nil }
        return length
    }
}
