/// A W3C trace id: 16 bytes, shown as 32 lowercase hex digits. All zeros is not a valid id.
public struct TraceID: Hashable, Sendable, CustomStringConvertible {
    /// The first 8 bytes, big-endian.
    public var high: UInt64
    /// The last 8 bytes, big-endian: the random part samplers look at.
    public var low: UInt64

    /// Creates an id from its two halves.
    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// Whether the id may be used: not all zeros.
    public var isValid: Bool { high != 0 || low != 0 }

    /// 32 lowercase hex digits.
    public var description: String { String(decoding: hexBytes, as: UTF8.self) }

    /// The 32 hex digits as ASCII bytes.
    public var hexBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32)
        appendHex(to: &bytes)
        return bytes
    }

    /// Appends the 32 hex digits.
    public func appendHex(to bytes: inout [UInt8]) {
        Hex.append(high, to: &bytes)
        Hex.append(low, to: &bytes)
    }
}

/// A W3C span id (the `parent-id` of a `traceparent`): 8 bytes, shown as 16 lowercase hex
/// digits. Zero is not a valid id; as a parent it means "none" (a root span).
public struct SpanID: Hashable, Sendable, CustomStringConvertible {
    /// The 8 bytes, big-endian.
    public var value: UInt64

    /// Creates an id.
    public init(_ value: UInt64) { self.value = value }

    /// No span: the parent of a root span.
    public static let none = SpanID(0)

    /// Whether the id names a span: not zero.
    public var isValid: Bool { value != 0 }

    /// 16 lowercase hex digits.
    public var description: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        Hex.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Lowercase hex, as W3C Trace Context and OTLP/JSON write ids.
enum Hex {
    /// Appends `value` as 16 lowercase hex digits, most significant first.
    static func append(_ value: UInt64, to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 16))
        bytes.withUnsafeMutableBufferPointer { write(value, into: $0, at: start) }
    }

    /// Writes `value` as 16 lowercase hex digits at `start` of `bytes`, which has room.
    static func write(_ value: UInt64, into bytes: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
        precondition(start >= 0 && start + 16 <= bytes.count, "no room for 16 hex digits")
        // Eight digits at a time in one word: a traced call writes 48 (its traceparent trailer),
        // and a digit at a time cost 800 instructions a call.
        let destination = UnsafeMutableRawPointer(bytes.baseAddress!) + start
        destination.storeBytes(of: digits(UInt32(truncatingIfNeeded: value >> 32)).bigEndian, as: UInt64.self)
        (destination + 8).storeBytes(of: digits(UInt32(truncatingIfNeeded: value)).bigEndian, as: UInt64.self)
    }

    /// The 8 hex digits of `value`, the least significant in the lowest byte.
    @inline(__always)
    private static func digits(_ value: UInt32) -> UInt64 {
        var nibbles = UInt64(value)  // spread: byte i holds nibble i
        nibbles = (nibbles | nibbles << 16) & 0x0000_FFFF_0000_FFFF
        nibbles = (nibbles | nibbles << 8) & 0x00FF_00FF_00FF_00FF
        nibbles = (nibbles | nibbles << 4) & 0x0F0F_0F0F_0F0F_0F0F
        let letters = ((nibbles &+ 0x0606_0606_0606_0606) >> 4) & 0x0101_0101_0101_0101  // 1 where a nibble is 10...15
        return nibbles &+ 0x3030_3030_3030_3030 &+ letters &* 0x27  // "0" + nibble, and "a" - "9" - 1 more for letters
    }
}
