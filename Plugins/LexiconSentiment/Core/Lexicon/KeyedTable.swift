/// An immutable open-addressing table from a non-zero 64-bit key to a value, read in place from
/// a lexicon image (`LexiconImage`) by many threads. Linear probing in a table at most half full.
struct KeyedTable<Value>: @unchecked Sendable {
    // @unchecked: the image is read-only and outlives the table (see `Lexicon`).
    private let keys: UnsafePointer<UInt64>
    private let values: UnsafePointer<Value>
    private let mask: Int
    /// The number of entries.
    let count: Int

    /// The table whose keys and values start at `keys` and `values` (`capacity` slots each).
    init(keys: UnsafeRawPointer, values: UnsafeRawPointer, capacity: Int, count: Int) {
        self.keys = keys.bindMemory(to: UInt64.self, capacity: capacity)
        self.values = values.bindMemory(to: Value.self, capacity: capacity)
        mask = capacity - 1
        self.count = count
    }

    /// The value for `key`, or nil.
    @inline(__always)
    func lookup(_ key: UInt64) -> Value? {
        var slot = Self.slot(key, mask)
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }
}
