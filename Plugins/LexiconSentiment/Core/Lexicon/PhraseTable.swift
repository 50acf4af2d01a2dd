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

/// The multi-word expressions, by phrase key (see `PhraseTable.key`).
struct PhraseTable: Sendable {
    private let table: KeyedTable<Phrase>

    /// The number of phrases.
    var count: Int { table.count }

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

    init(table: KeyedTable<Phrase>) {
        self.table = table
    }

    /// The phrase with `key`, or nil.
    @inline(__always)
    func lookup(_ key: UInt64) -> Phrase? { table.lookup(key) }
}
