extension SHA256Digest {
    /// The digest held in `bytes`, or nil unless they are exactly 32.
    public init?(bytes: [UInt8]) {
        guard bytes.count == 32 else { return nil }
        self = bytes.withUnsafeBytes { SHA256Digest(bytes: $0) }
    }

    /// Whether the two digests are equal, in a time that does not depend on where they differ
    /// (`==` may stop at the first differing word): for comparing secrets.
    public func constantTimeEquals(_ other: SHA256Digest) -> Bool {
        let difference = (words.0 ^ other.words.0) | (words.1 ^ other.words.1) | (words.2 ^ other.words.2) | (words.3 ^ other.words.3)
        return difference == 0
    }
}
