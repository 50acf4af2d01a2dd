/// An immutable open-addressing table from a non-zero 64-bit key to a value: built once, then
/// read from many threads. Linear probing in a table at most half full.
final class KeyedTable<Value>: @unchecked Sendable {
    // @unchecked: written in `init`, read-only afterwards.
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value>
    private let capacity: Int
    private let mask: Int
    /// The number of entries.
    let count: Int

    /// Builds the table; `filler` occupies the empty slots (never returned). Keys must not be 0;
    /// a repeated key keeps its last value.
    init(entries: [(key: UInt64, value: Value)], filler: Value) {
        var capacity = 16
        while capacity < entries.count * 2 { capacity <<= 1 }
        self.capacity = capacity
        mask = capacity - 1
        keys = .allocate(capacity: capacity)
        keys.initialize(repeating: 0, count: capacity)
        values = .allocate(capacity: capacity)
        values.initialize(repeating: filler, count: capacity)
        var count = 0
        for entry in entries {
            precondition(entry.key != 0, "0 marks an empty slot")
            var slot = Self.slot(entry.key, mask)
            while keys[slot] != 0 && keys[slot] != entry.key { slot = (slot + 1) & mask }
            if keys[slot] == 0 { count += 1 }
            keys[slot] = entry.key
            values[slot] = entry.value
        }
        self.count = count
    }

    deinit {
        keys.deallocate()
        values.deinitialize(count: capacity)
        values.deallocate()
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
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
    }
}
