#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension UnsafeBufferPointer where Element == UInt8 {
    /// Throws "not valid UTF-8" with the line and byte of the first invalid sequence, for a unit
    /// that starts at `line` (and may span lines).
    func checkUTF8(line: Int) throws {
        guard let invalid = firstInvalidUTF8() else { return }
        let place = location(of: invalid, startLine: line)
        throw DocumentError.invalidUTF8(line: place.line, byte: place.byte)
    }

    /// The text of these bytes, checked to be valid UTF-8 (else the error of `checkUTF8`) by
    /// the decoding itself, so that the bytes are read once: decoding replaces invalid UTF-8
    /// with U+FFFD, which always changes the bytes, so unchanged bytes mean valid UTF-8.
    func validatedString(line: Int) throws -> String {
        var string = String(decoding: self, as: UTF8.self)
        let isUnchanged = string.withUTF8 { decoded in
            decoded.count == count && (count == 0 || memcmp(decoded.baseAddress!, baseAddress!, count) == 0)
        }
        guard isUnchanged else {
            try checkUTF8(line: line)
            preconditionFailure("the standard library repaired bytes found to be valid UTF-8")
        }
        return string
    }

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
