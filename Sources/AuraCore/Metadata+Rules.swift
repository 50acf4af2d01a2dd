extension Metadata {
    /// What each entry costs beyond its key and value when counted against a metadata limit,
    /// as HTTP/2 counts a header list: many tiny entries cost more than their bytes.
    public static let entryOverhead = 32

    /// The size a metadata limit (SETTINGS MAX_METADATA_SIZE) counts: for every entry, the bytes
    /// of its key and of its value plus `entryOverhead`.
    public var limitedSize: Int {
        var size = 0
        for entry in entries { size += entry.key.utf8.count + entry.value.count + Self.entryOverhead }
        return size
    }

    /// The first rule of SPEC.md section 4.2 the entries break, said for people, or nil when
    /// every key is valid and every value fits its key: a key is 1 or more of `a-z 0-9 - _ .`;
    /// a key ending in `-bin` takes any bytes, any other key printable ASCII (0x20 to 0x7E).
    public var firstViolation: String? {
        for entry in entries {
            guard Self.isValidKey(entry.key) else {
                return "metadata key \"\(PeerText.excerpt(entry.key))\" is invalid: a key is 1 or more of a-z 0-9 - _ ."
            }
            guard Self.isBinaryKey(entry.key) || Self.isPrintable(entry.value) else {
                return "the value of metadata key \"\(PeerText.excerpt(entry.key))\" is not printable ASCII; binary values need a key ending in -bin"
            }
        }
        return nil
    }
}
