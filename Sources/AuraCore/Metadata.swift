import AuraBytes

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
        append(Entry(key: Self.lowercased(key), value: Array(value.utf8)))
    }

    /// Appends a binary entry; the key should end in `-bin`.
    public mutating func add(_ key: String, bytes: [UInt8]) {
        append(Entry(key: Self.lowercased(key), value: bytes))
    }

    /// Appends every entry of `other`, in order; when this is empty, shares `other`'s storage.
    public mutating func add(contentsOf other: Metadata) {
        if entries.isEmpty { entries = other.entries } else { entries.append(contentsOf: other.entries) }
    }

    /// Appends `entry` as it is. The first makes room for four: a call carries a handful of
    /// entries, and growing one at a time allocated twice for two.
    package mutating func append(_ entry: Entry) {
        if entries.capacity == 0 { entries.reserveCapacity(4) }
        entries.append(entry)
    }

    /// The first value for `key`, as text.
    public subscript(key: String) -> String? { first(key)?.text }

    /// The first entry for `key`.
    public func first(_ key: String) -> Entry? {
        // Keys are lowercase, and so is the key asked for, nearly always (a constant): look it up
        // as it is, and lowercase it only when it is not found and is not a valid key already.
        if let entry = entries.first(where: { $0.key == key }) { return entry }
        guard !Self.isValidKey(key) else { return nil }
        let lowercased = key.lowercased()
        return entries.first { $0.key == lowercased }
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
        // Keys are checked on every call, both ways (11 keys a unary call): 8 bytes a step, over
        // the contiguous bytes (iterating `key.utf8` costs three times as much).
        func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            ASCIIWord.all(UnsafeRawBufferPointer(bytes), padding: UInt8(ascii: "a"), isValidKeyWord)
        }
        if let valid = key.utf8.withContiguousStorageIfAvailable(check) { return valid }
        var key = key  // bridged or foreign storage: made contiguous
        return key.withUTF8(check)
    }

    /// Whether all 8 bytes of `word` are key bytes: `a-z 0-9 - _ .`.
    @inline(__always)
    private static func isValidKeyWord(_ word: UInt64) -> Bool {
        guard word & ASCIIWord.highs == 0 else { return false }  // ASCII: below, no byte carries into the next
        let allowed = ASCIIWord.within(word, 0x61, 0x7a) | ASCIIWord.within(word, 0x30, 0x39)
            | ASCIIWord.within(word, 0x2d, 0x2e) | ASCIIWord.within(word, 0x5f, 0x5f)
        return allowed == ASCIIWord.highs
    }

    /// Whether every byte of `value` is printable ASCII (0x20 to 0x7E), 8 bytes a step.
    static func isPrintable(_ value: [UInt8]) -> Bool {
        value.withUnsafeBytes { bytes in
            let lows: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            var offset = 0
            while offset + 8 <= bytes.count {
                let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                let below = (word &- 0x20 &* lows) & ~word & highs  // some byte < 0x20
                let above = ((word &+ lows) | word) & highs  // some byte > 0x7E
                if below | above != 0 { return false }
                offset += 8
            }
            while offset < bytes.count {
                guard bytes[offset] >= 0x20 && bytes[offset] <= 0x7e else { return false }
                offset += 1
            }
            return true
        }
    }

    /// Whether `key` ends in `-bin` (its value is binary), compared as bytes.
    static func isBinaryKey(_ key: String) -> Bool {
        // The last four bytes as one word, over the contiguous bytes: checked for every key of
        // every call, where a copy of the key and a generic comparison cost 170 instructions.
        func endsInBin(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            bytes.count >= 4
                && UnsafeRawBufferPointer(bytes).loadUnaligned(fromByteOffset: bytes.count - 4, as: UInt32.self)
                    == UInt32(littleEndian: 0x6e69_622d)  // "-bin"
        }
        if let binary = key.utf8.withContiguousStorageIfAvailable(endsInBin) { return binary }
        var key = key  // bridged or foreign storage: made contiguous
        return key.withUTF8(endsInBin)
    }
}
