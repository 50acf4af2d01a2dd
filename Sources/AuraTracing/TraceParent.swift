import AuraBytes

/// A W3C Trace Context `traceparent` value (https://www.w3.org/TR/trace-context/):
/// `00-<trace-id>-<parent-id>-<flags>`, e.g. `00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`.
public struct TraceParent: Hashable, Sendable {
    /// The metadata key it travels under.
    public static let metadataKey = "traceparent"
    /// The length of a version 00 value.
    public static let length = 55

    /// The trace the caller's span belongs to.
    public var traceID: TraceID
    /// The caller's span: the parent of the span that receives it.
    public var parentID: SpanID
    /// Whether the caller records the trace (flag bit 0, `sampled`).
    public var isSampled: Bool

    /// Creates a value.
    public init(traceID: TraceID, parentID: SpanID, isSampled: Bool) {
        self.traceID = traceID
        self.parentID = parentID
        self.isSampled = isSampled
    }

    /// Parses `text` as the specification says a receiver must: version 00 is exactly 55
    /// characters; a later version (not ff) is read as 00 when it is at least that long and
    /// anything after the first 55 characters starts with "-"; lowercase hex only; trace-id
    /// and parent-id not all zeros. Anything else is nil: the receiver starts a new trace.
    public init?(parsing text: String) {
        var text = text
        guard let value = text.withUTF8({ TraceParent(bytes: $0) }) else { return nil }
        self = value
    }

    /// Parses the value's bytes (see `init(parsing:)`).
    public init?<Bytes: RandomAccessCollection>(bytes: Bytes) where Bytes.Element == UInt8, Bytes.Index == Int {
        let parsed = bytes.withContiguousStorageIfAvailable { Self.parse(UnsafeRawBufferPointer($0)) }
            ?? Array(bytes).withUnsafeBytes(Self.parse)
        guard let parsed else { return nil }
        self = parsed
    }

    private static func parse(_ bytes: UnsafeRawBufferPointer) -> TraceParent? {
        /// The number that `count` lowercase hex digits at `start` spell.
        func hex(_ start: Int, _ count: Int = 16) -> UInt64? {
            HexDigit.lowercaseValue(UnsafeRawBufferPointer(rebasing: bytes[start..<start + count]))
        }
        guard bytes.count >= length, let version = hex(0, 2), version != 0xFF else { return nil }
        if version == 0 {
            guard bytes.count == length else { return nil }
        } else if bytes.count > length {
            guard bytes[length] == UInt8(ascii: "-") else { return nil }
        }
        guard bytes[2] == UInt8(ascii: "-"), bytes[35] == UInt8(ascii: "-"), bytes[52] == UInt8(ascii: "-"),
              let traceHigh = hex(3), let traceLow = hex(19), let parent = hex(36), let flags = hex(53, 2)
        else { return nil }
        let traceID = TraceID(high: traceHigh, low: traceLow)
        guard traceID.isValid, parent != 0 else { return nil }
        return TraceParent(traceID: traceID, parentID: SpanID(parent), isSampled: flags & 1 == 1)
    }

    /// The version 00 text, 55 ASCII bytes; only the `sampled` flag is set or clear (other
    /// flags are not propagated, as the specification asks of a version 00 writer).
    public var bytes: [UInt8] {
        // Written in place: every traced call sends one (appending byte by byte cost 1,600
        // instructions a call).
        [UInt8](unsafeUninitializedCapacity: Self.length) { bytes, count in
            bytes[0] = 0x30
            bytes[1] = 0x30
            bytes[2] = 0x2D
            Hex.write(traceID.high, into: bytes, at: 3)
            Hex.write(traceID.low, into: bytes, at: 19)
            bytes[35] = 0x2D
            Hex.write(parentID.value, into: bytes, at: 36)
            bytes[52] = 0x2D
            bytes[53] = 0x30
            bytes[54] = isSampled ? 0x31 : 0x30
            count = Self.length
        }
    }

    /// The version 00 text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// The W3C `tracestate` value: vendor entries a server passes on unchanged.
public enum TraceState {
    /// The metadata key it travels under.
    public static let metadataKey = "tracestate"
    /// The longest value carried: the specification asks that at least 512 characters be
    /// propagated; a longer one is dropped whole rather than cut mid-entry.
    public static let maxLength = 512

    /// The value to carry: `text` when it has 1 to `maxLength` printable ASCII characters, else nil.
    public static func carried(_ text: String) -> String? {
        let utf8 = text.utf8
        guard !utf8.isEmpty, utf8.count <= maxLength, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
        return text
    }
}
