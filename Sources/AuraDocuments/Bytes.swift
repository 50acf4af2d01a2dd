#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes the splitter works on: a complete unit (line, CSV record, text) or a chunk.
typealias Bytes = UnsafeBufferPointer<UInt8>

enum ASCII {
    static let lineFeed: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D
    static let quote: UInt8 = 0x22
    static let comma: UInt8 = 0x2C
    static let backslash: UInt8 = 0x5C

    /// Space, tab, LF, VT, FF, CR: what makes a line or a value blank.
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// `self[range]` as a buffer of its own.
    subscript(bytes range: Range<Int>) -> Bytes { Bytes(rebasing: self[range]) }

    /// Offset of the first `byte` at or after `start` (and before `end`), nil if there is none (memchr).
    func firstIndex(of byte: UInt8, from start: Int, to end: Int? = nil) -> Int? {
        let end = end ?? count
        guard let base = baseAddress, start < end else { return nil }
        guard let found = memchr(base + start, Int32(byte), end - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// How many times `byte` occurs in `range` (a loop the compiler vectorizes).
    func occurrences(of byte: UInt8, in range: Range<Int>) -> Int {
        var total = 0
        for index in range where self[index] == byte { total &+= 1 }
        return total
    }

    /// True if every byte is whitespace (or there is none).
    var isBlank: Bool { allSatisfy(ASCII.isWhitespace) }

    /// Without one trailing CR (the CR of a CRLF line end).
    var droppingCarriageReturn: Bytes {
        last == ASCII.carriageReturn ? self[bytes: 0..<(count - 1)] : self
    }

    /// The line and 1-based byte column of `offset`, for a unit that starts at `line` and may
    /// span lines (a CSV record with quoted line breaks, a text document).
    func location(of offset: Int, startLine line: Int) -> (line: Int, byte: Int) {
        let lineStart = self[0..<offset].lastIndex(of: ASCII.lineFeed).map { $0 + 1 } ?? 0
        return (line + occurrences(of: ASCII.lineFeed, in: 0..<offset), offset - lineStart + 1)
    }

    /// The text of these bytes, already checked to be valid UTF-8.
    var string: String { String(decoding: self, as: UTF8.self) }
}
