import AuraBytes
import AuraCore

extension UnsafeBufferPointer where Element == UInt8 {
    /// The first offset from `start` on, rounded down to a word, that may hold a quote, a
    /// backslash or a control character: string content eight bytes at a time.
    func skippingPlainStringBytes(from start: Int) -> Int {
        guard let base = baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        while offset &+ 8 <= count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quotes = word ^ (ones &* UInt64(ASCII.quote))
            let backslashes = word ^ (ones &* UInt64(ASCII.backslash))
            // A byte is zero, or under 0x20, somewhere in the word (exact for presence).
            let special = ((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word)
            if special & highs != 0 { return offset }
            offset &+= 8
        }
        return offset
    }

    /// The value of the four hex digits at `offset`, nil if there are not four.
    func hexQuad(at offset: Int) -> UInt16? {
        guard offset + 4 <= count else { return nil }
        var value: UInt16 = 0
        for byte in self[offset..<(offset + 4)] {
            guard let digit = HexDigit.value(byte) else { return nil }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// Unescapes the content of a JSON string (its escapes already checked) into `output` as
    /// UTF-8. Returns the offset of a `\u` escape that is half of a surrogate pair without the
    /// other half (which UTF-8 cannot hold), nil when all is well.
    func unescapeJSON(into output: inout [UInt8]) -> Int? {
        output.removeAll(keepingCapacity: true)
        var start = 0
        while let backslash = firstIndex(of: ASCII.backslash, from: start) {
            output.append(contentsOf: self[start..<backslash])
            let escaped = self[backslash + 1]
            start = backslash + 2
            if let unescaped = JSONText.unescaped(escaped) {
                output.append(unescaped)
            } else {  // \u, the only other escape the line's check lets through
                guard let scalar = unicodeEscape(at: backslash) else { return backslash }
                output.append(contentsOf: UTF8.encode(scalar)!)
                start = backslash + (scalar.value > 0xFFFF ? 12 : 6)
            }
        }
        output.append(contentsOf: self[start..<count])
        return nil
    }

    /// The scalar of the `\uXXXX` at `offset` (and of the `\uXXXX` after it, for a surrogate pair).
    private func unicodeEscape(at offset: Int) -> Unicode.Scalar? {
        let unit = hexQuad(at: offset + 2)!
        switch unit {
        case 0xD800...0xDBFF:
            guard offset + 12 <= count, self[offset + 6] == ASCII.backslash, self[offset + 7] == UInt8(ascii: "u"),
                let low = hexQuad(at: offset + 8), (0xDC00...0xDFFF).contains(low)
            else { return nil }
            return Unicode.Scalar(0x10000 + (UInt32(unit - 0xD800) << 10 | UInt32(low - 0xDC00)))
        case 0xDC00...0xDFFF:
            return nil
        default:
            return Unicode.Scalar(unit)
        }
    }

    /// Whether the JSON key at `range` (inside its quotes) is `name` once unescaped.
    func jsonKey(_ range: Range<Int>, equals name: [UInt8], scratch: inout [UInt8]) -> Bool {
        let key = self[bytes: range]
        guard key.firstIndex(of: ASCII.backslash, from: 0) != nil else { return key.elementsEqual(name) }
        return key.unescapeJSON(into: &scratch) == nil && scratch == name
    }
}
