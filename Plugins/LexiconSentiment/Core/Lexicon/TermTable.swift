/// An immutable open-addressing hash table from UTF-8 keys to `Term`s, read in place from a
/// lexicon image (`LexiconImage`).
///
/// Keys are hashed with 64-bit FNV-1a, which the scanner computes while it lower-cases a token,
/// so a lookup costs one probe sequence and one byte comparison. Slots pack a 32-bit hash tag
/// and a term index into one `UInt64` (0 = empty); linear probing; load factor at most 1/2.
struct TermTable: @unchecked Sendable {
    // @unchecked: the image is read-only and outlives the table (see `Lexicon`).
    private let slots: UnsafePointer<UInt64>
    private let mask: Int
    private let keyStorage: UnsafePointer<UInt8>
    private let keyOffsets: UnsafePointer<UInt32>
    private let keyLengths: UnsafePointer<UInt16>
    /// The terms, indexed by what `lookup` returns.
    let terms: UnsafePointer<Term>
    let count: Int

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// 64-bit FNV-1a of `bytes`.
    @inline(__always)
    package static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    /// The table in `image`, whose header and layout `LexiconImage.layout(of:)` checked.
    init(image: UnsafeRawPointer, words: [UInt64], layout: LexiconImage.Layout) {
        count = Int(words[LexiconImage.HeaderField.termCount.rawValue])
        let capacity = Int(words[LexiconImage.HeaderField.termCapacity.rawValue])
        mask = capacity - 1
        slots = (image + layout.offset(.termSlots)).bindMemory(to: UInt64.self, capacity: capacity)
        keyStorage = (image + layout.offset(.termKeyBytes)).bindMemory(
            to: UInt8.self, capacity: Int(words[LexiconImage.HeaderField.keyBytes.rawValue]))
        keyOffsets = (image + layout.offset(.termKeyOffsets)).bindMemory(to: UInt32.self, capacity: count)
        keyLengths = (image + layout.offset(.termKeyLengths)).bindMemory(to: UInt16.self, capacity: count)
        terms = (image + layout.offset(.terms)).bindMemory(to: Term.self, capacity: count)
    }

    @inline(__always)
    static func slotIndex(_ h: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
    }

    /// The index of the term whose key is `key[0..<length]` (with FNV-1a hash `hash`), or -1.
    @inline(__always)
    func lookup(hash: UInt64, key: UnsafePointer<UInt8>, length: Int) -> Int {
        var slot = TermTable.slotIndex(hash, mask)
        let tag = hash & 0xffff_ffff_0000_0000
        while true {
            let s = slots[slot]
            if s == 0 { return -1 }
            if s & 0xffff_ffff_0000_0000 == tag {
                let index = Int(truncatingIfNeeded: s & 0xffff_ffff) - 1
                if Int(keyLengths[index]) == length && equalBytes(keyStorage + Int(keyOffsets[index]), key, length) {
                    return index
                }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The index of the term for `key`, or -1 (convenience for tests and setup).
    func lookup(_ key: [UInt8]) -> Int {
        key.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return -1 }
            return lookup(hash: TermTable.hash(key), key: base, length: key.count)
        }
    }

    @inline(__always)
    private func equalBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
