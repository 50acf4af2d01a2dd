/// Call metadata: an ordered list of key/value pairs sent with HEADERS or TRAILERS.
///
/// Keys are lowercase ASCII; a key ending in `-bin` carries arbitrary bytes, any other key
/// printable text. A key may appear more than once.
public struct Metadata: Hashable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// One entry.
    public struct Entry: Hashable, Sendable {
        /// The lowercase key.
        public var key: String
        /// The value's bytes.
        public var value: [UInt8]

        /// Creates an entry; the key is taken as it is (see `Metadata.isValidKey`).
        public init(key: String, value: [UInt8]) {
            self.key = key
            self.value = value
        }

        /// The value as text (invalid UTF-8 repaired).
        public var text: String { String(decoding: value, as: UTF8.self) }
    }

    /// The entries in order; visible in the package so the wire module encodes them without a copy.
    package var entries: [Entry] = []

    /// Creates empty metadata.
    public init() {}

    /// Creates metadata from text pairs.
    public init(dictionaryLiteral elements: (String, String)...) {
        for (key, value) in elements { add(key, value) }
    }

    /// The number of entries.
    public var count: Int { entries.count }

    /// Whether there are no entries.
    public var isEmpty: Bool { entries.isEmpty }

    /// Appends a text entry; the key is lowercased.
    public mutating func add(_ key: String, _ value: String) {
        entries.append(Entry(key: Self.lowercased(key), value: Array(value.utf8)))
    }

    /// Appends a binary entry; the key should end in `-bin`.
    public mutating func add(_ key: String, bytes: [UInt8]) {
        entries.append(Entry(key: Self.lowercased(key), value: bytes))
    }

    /// The first value for `key`, as text.
    public subscript(key: String) -> String? { first(key)?.text }

    /// The first entry for `key`.
    public func first(_ key: String) -> Entry? {
        let key = Self.lowercased(key)
        return entries.first { $0.key == key }
    }

    /// `key` lowercased; a valid key (the usual case: a constant) is returned as it is, without
    /// the Unicode-aware work of `String.lowercased()`.
    static func lowercased(_ key: String) -> String {
        isValidKey(key) ? key : key.lowercased()
    }

    /// Iterates over the entries in order.
    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// Whether `key` is a valid metadata key: non-empty lowercase `a-z 0-9 - _ .`.
    public static func isValidKey(_ key: String) -> Bool {
        // Keys are checked on every call, both ways: one bit test a byte.
        let low: UInt64 = 1 << 45 | 1 << 46 | 0x3FF << 48  // - . 0-9
        let high: UInt64 = 1 << 31 | 0x3FF_FFFF << 33  // _ a-z, as the byte minus 64
        var key = key
        return key.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            for byte in bytes {
                let allowed = byte < 64 ? low : byte < 128 ? high : 0
                if allowed >> UInt64(byte & 63) & 1 == 0 { return false }
            }
            return true
        }
    }

    /// Whether `key` ends in `-bin` (its value is binary), compared as bytes.
    static func isBinaryKey(_ key: String) -> Bool {
        var key = key
        return key.withUTF8 { bytes in bytes.count >= 4 && bytes[(bytes.count - 4)...].elementsEqual("-bin".utf8) }
    }
}
