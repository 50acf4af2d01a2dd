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
        /// A multi-word "but" (see `TermFlags.contrastAfter`).
        case contrastAfter
        /// A multi-word "although" ("even though", "in spite of").
        case contrastSubordinate
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

    /// A phrase's key folds the FNV-1a hashes of its words, in order: start from `keySeed`,
    /// `mix` each word's hash in, and `finish` (never 0).
    static let keySeed: UInt64 = 0x9e37_79b9_7f4a_7c15

    @inline(__always)
    static func mix(_ key: UInt64, _ wordHash: UInt64) -> UInt64 {
        let k = (key ^ wordHash) &* 0xbf58_476d_1ce4_e5b9
        return k ^ (k >> 31)
    }

    @inline(__always)
    static func finish(_ key: UInt64) -> UInt64 { key | 1 }

    static func key(words: [[UInt8]]) -> UInt64 {
        finish(words.reduce(keySeed) { mix($0, TermTable.hash($1)) })
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
