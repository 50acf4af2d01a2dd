/// UTF-8 decoding the way Swift's `String(decoding:as:)` does it: each well-formed sequence is
/// one scalar, and each maximal ill-formed subpart (Unicode 15, section 3.9) is one U+FFFD. The
/// host counts scalars that way, so entity offsets agree with it even on invalid input.
enum UTF8Scalars {
    /// The replacement scalar an ill-formed subpart decodes to.
    static let replacement: UInt32 = 0xFFFD

    /// Decodes the scalar starting at `index` (which must be in range): its value and how many
    /// bytes it takes (1...4). Ill-formed input yields U+FFFD over its maximal subpart.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        return decodeMultibyte(bytes, at: index, lead: lead)
    }

    static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, lead: UInt8) -> (value: UInt32, length: Int) {
        // Expected length and the allowed range of the second byte (Table 3-7).
        let length: Int, low: UInt8, high: UInt8
        switch lead {
        case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
        case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, low, high) = (3, 0x80, 0xBF)
        case 0xED: (length, low, high) = (3, 0x80, 0x9F)
        case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
        case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
        case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
        default: return (replacement, 1)
        }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let position = index + offset
            guard position < bytes.count else { return (replacement, offset) }
            let byte = bytes[position]
            let (lo, hi) = offset == 1 ? (low, high) : (UInt8(0x80), UInt8(0xBF))
            guard byte >= lo, byte <= hi else { return (replacement, offset) }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, length)
    }

    /// The scalar that ends right before `index` (index > 0), decoded as a forward pass would
    /// see it when the text before is well formed; stray bytes give U+FFFD.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, endingAt index: Int) -> UInt32 {
        let last = bytes[index - 1]
        if last < 0x80 { return UInt32(last) }
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (value, length) = decode(bytes, at: start)
        return start + length == index ? value : replacement
    }

    /// Whether a non-ASCII scalar belongs inside a word: letters, marks and digits do; spaces,
    /// punctuation, symbols and emoji do not. Used for word boundaries next to a candidate.
    static func isWordScalar(_ value: UInt32) -> Bool {
        switch value {
        case 0x00C0...0x024F: return value != 0xD7 && value != 0xF7  // Latin-1 letters, Latin Extended A/B
        case 0x0080...0x00BF, 0x2000...0x2BFF, 0x3000...0x303F, 0xFE00...0xFE0F, 0xFFFD, 0x1F000...0x1FAFF:
            return false  // Latin-1 punctuation, general punctuation, symbols, emoji, U+FFFD
        case 0x4E00...0x9FFF, 0x0400...0x04FF, 0x0370...0x03FF: return true  // CJK, Cyrillic, Greek
        default:
            guard let scalar = Unicode.Scalar(value) else { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
                .connectorPunctuation:
                return true
            default: return false
            }
        }
    }

    /// Converts sorted byte offsets into Unicode scalar offsets in one forward pass. Every
    /// offset must sit on a scalar boundary (the detector's matches start and end on ASCII).
    struct OffsetCounter {
        private let bytes: UnsafeBufferPointer<UInt8>
        private var byteIndex = 0
        private var scalarIndex = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// The scalar offset of `target`. Targets come in ascending order; one that falls behind
        /// the pass (it cannot, for matches on ASCII bytes) gets the current offset.
        mutating func scalarOffset(ofByte target: Int) -> Int {
            while byteIndex < target {
                if bytes[byteIndex] < 0x80 {
                    byteIndex += 1
                } else {
                    byteIndex += decode(bytes, at: byteIndex).length
                }
                scalarIndex += 1
            }
            return scalarIndex
        }
    }
}
