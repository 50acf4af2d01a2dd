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

        /// The value as text (invalid UTF-8 repaired).
        public var text: String { String(decoding: value, as: UTF8.self) }
    }

    private var entries: [Entry] = []

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
        entries.append(Entry(key: key.lowercased(), value: Array(value.utf8)))
    }

    /// Appends a binary entry; the key should end in `-bin`.
    public mutating func add(_ key: String, bytes: [UInt8]) {
        entries.append(Entry(key: key.lowercased(), value: bytes))
    }

    /// The first value for `key`, as text.
    public subscript(key: String) -> String? { first(key)?.text }

    /// The first entry for `key`.
    public func first(_ key: String) -> Entry? {
        let key = key.lowercased()
        return entries.first { $0.key == key }
    }

    /// Iterates over the entries in order.
    public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// Whether `key` is a valid metadata key: non-empty lowercase `a-z 0-9 - _ .`.
    public static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.allSatisfy {
            ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2d || $0 == 0x5f || $0 == 0x2e
        }
    }
}

extension Metadata {
    /// Appends every entry to `writer` as repeated `MetadataEntry` field `field`.
    func encode(field: Int, to writer: inout ProtoWriter) {
        for entry in entries {
            writer.writeMessage(field: field) { inner in
                inner.writeString(field: 1, entry.key)
                entry.value.withUnsafeBytes { inner.writeBytes(field: 2, $0) }
            }
        }
    }

    /// Decodes one `MetadataEntry` and appends it.
    mutating func decodeEntry(_ bytes: ByteBuffer) throws(ProtoDecodingError) {
        var reader = ProtoReader(bytes)
        var entry = Entry(key: "", value: [])
        while let field = try reader.nextField() {
            switch field.number {
            case 1: entry.key = try reader.readString(field)
            case 2: entry.value = try reader.readBytes(field).readableBytesArray
            default: try reader.skip(field)
            }
        }
        entries.append(entry)
    }
}
