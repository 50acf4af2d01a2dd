/// An immutable open-addressing hash table from UTF-8 keys to `Term`s, built once.
///
/// Keys are hashed with 64-bit FNV-1a, which the scanner computes while it lower-cases a token,
/// so a lookup costs one probe sequence and one byte comparison. Slots pack a 32-bit hash tag
/// and a term index into one `UInt64` (0 = empty); linear probing; load factor at most 1/2.
final class TermTable: @unchecked Sendable {
    // @unchecked: every buffer is written in `init` and only read afterwards.
    private let slots: UnsafeMutablePointer<UInt64>
    private let mask: Int
    private let keyStorage: UnsafeMutablePointer<UInt8>
    private let keyOffsets: UnsafeMutablePointer<UInt32>
    private let keyLengths: UnsafeMutablePointer<UInt16>
    /// The terms, indexed by what `lookup` returns.
    let terms: UnsafeMutablePointer<Term>
    let count: Int

    static let fnvOffset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3

    /// 64-bit FNV-1a of `bytes`.
    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var h = fnvOffset
        for b in bytes { h = (h ^ UInt64(b)) &* fnvPrime }
        return h
    }

    init(entries: [(key: [UInt8], term: Term)]) {
        count = entries.count
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        let totalKeyBytes = entries.reduce(0) { $0 + $1.key.count }
        keyStorage = .allocate(capacity: max(totalKeyBytes, 1))
        keyOffsets = .allocate(capacity: max(count, 1))
        keyLengths = .allocate(capacity: max(count, 1))
        terms = .allocate(capacity: max(count, 1))
        var offset = 0
        for (index, entry) in entries.enumerated() {
            precondition(entry.key.count <= Int(UInt16.max), "lexicon key too long")
            for (i, b) in entry.key.enumerated() { keyStorage[offset + i] = b }
            keyOffsets[index] = UInt32(offset)
            keyLengths[index] = UInt16(entry.key.count)
            (terms + index).initialize(to: entry.term)
            offset += entry.key.count
            let h = TermTable.hash(entry.key)
            var slot = TermTable.slotIndex(h, mask)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = (h & 0xffff_ffff_0000_0000) | UInt64(index + 1)
        }
    }

    deinit {
        slots.deallocate()
        keyStorage.deallocate()
        keyOffsets.deallocate()
        keyLengths.deallocate()
        terms.deinitialize(count: count)
        terms.deallocate()
    }

    @inline(__always)
    private static func slotIndex(_ h: UInt64, _ mask: Int) -> Int {
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
