import Glibc

/// A table from a method name to `Value`, filled while the server is built and then only read,
/// on every call (the handler of a call, its metrics).
///
/// `Dictionary` hashed the name with SipHash and then compared it as a `String`: about 600
/// instructions a lookup for a 26-byte name. Here a lookup hashes the name's UTF-8 bytes with
/// FNV-1a, probes linearly, and compares bytes with `memcmp`. The names are the server's own,
/// fixed before it serves; a client's name only probes, so one it crafts to collide costs at
/// most a pass over the few served methods.
struct NameTable<Value> {
    private var names: [[UInt8]] = []
    private var entries: [Value] = []
    /// Indexes into `entries` by slot, -1 for a free slot; at most half full.
    private var slots: [Int32] = []

    /// The values, in the order their names were first set.
    var values: [Value] { entries }

    /// The value for `name`, given as its UTF-8 bytes.
    func value(forUTF8 name: UnsafeRawBufferPointer) -> Value? {
        guard !slots.isEmpty else { return nil }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(name)) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { return nil }
            if names[index].withUnsafeBytes({ $0.count == name.count && (name.isEmpty || memcmp($0.baseAddress!, name.baseAddress!, name.count) == 0) }) {
                return entries[index]
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value for `name`.
    subscript(name: some StringProtocol) -> Value? {
        if let found = name.utf8.withContiguousStorageIfAvailable({ value(forUTF8: UnsafeRawBufferPointer($0)) }) { return found }
        return Array(name.utf8).withUnsafeBytes { value(forUTF8: $0) }
    }

    /// Sets the value for `name`, replacing an earlier one.
    mutating func set(_ value: Value, for name: String) {
        let bytes = Array(name.utf8)
        if let index = names.firstIndex(of: bytes) {
            entries[index] = value
            return
        }
        names.append(bytes)
        entries.append(value)
        if names.count * 2 > slots.count { rebuildSlots() } else { place(names.count - 1) }
    }

    private mutating func rebuildSlots() {
        slots = Array(repeating: -1, count: max(8, (names.count * 2).nextPowerOfTwo))
        for index in names.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = names[index].withUnsafeBytes { Int(truncatingIfNeeded: Self.hash($0)) } & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    /// FNV-1a, 64 bits.
    private static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

extension NameTable: Sendable where Value: Sendable {}

private extension Int {
    /// The smallest power of two at least `self` (at least 1).
    var nextPowerOfTwo: Int { self <= 1 ? 1 : 1 << (Int.bitWidth - (self - 1).leadingZeroBitCount) }
}
