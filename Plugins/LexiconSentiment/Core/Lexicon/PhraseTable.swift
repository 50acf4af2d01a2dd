/// A multi-word expression: an idiom with its own valence ("over the moon"), a multi-word
/// modifier ("kind of") or a phrase that cancels its words' valences ("as well").
struct Phrase: Sendable {
    enum Kind: UInt8, Sendable {
        /// Replaces its words' valences with `value`.
        case sentiment
        /// Its words carry no sentiment; it modifies the next sentiment word by `value`.
        case modifier
        /// Its words carry no sentiment and it negates what follows.
        case negation
    }

    var kind: Kind
    var value: Float
    /// Number of words, 2...4.
    var length: UInt8
}

/// An immutable open-addressing table from a phrase key (see `PhraseTable.key`) to a phrase.
final class PhraseTable: @unchecked Sendable {
    // @unchecked: written in `init`, read-only afterwards.
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Phrase>
    private let mask: Int
    let count: Int

    /// Combines the FNV-1a hashes of a phrase's words, in order, into its key (never 0).
    @inline(__always)
    static func key(_ wordHashes: UnsafePointer<UInt64>, count: Int) -> UInt64 {
        var k: UInt64 = 0x9e37_79b9_7f4a_7c15
        for i in 0..<count {
            k = (k ^ wordHashes[i]) &* 0xbf58_476d_1ce4_e5b9
            k ^= k >> 31
        }
        return k | 1
    }

    static func key(words: [[UInt8]]) -> UInt64 {
        let hashes = words.map { TermTable.hash($0) }
        return hashes.withUnsafeBufferPointer { key($0.baseAddress!, count: $0.count) }
    }

    init(entries: [(key: UInt64, phrase: Phrase)]) {
        count = entries.count
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: Phrase(kind: .sentiment, value: 0, length: 0), count: capacity)
        for entry in entries {
            var slot = Int(truncatingIfNeeded: entry.key >> 7) & mask
            while keys[slot] != 0 && keys[slot] != entry.key { slot = (slot + 1) & mask }
            keys[slot] = entry.key
            values[slot] = entry.phrase
        }
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    @inline(__always)
    func lookup(_ key: UInt64) -> Phrase? {
        var slot = Int(truncatingIfNeeded: key >> 7) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }
}
