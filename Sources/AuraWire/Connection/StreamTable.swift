/// A map from stream id to `Value`: the streams of one connection, or the calls on them.
///
/// Open addressing with linear probing over a power-of-two table, at most half full, placed by
/// Fibonacci hashing (one multiply). A call looks its stream up about twenty times on each side,
/// and `Dictionary` hashed the id with SipHash every time: 1,100 instructions a call on the
/// server. The table does not hold a client's ids secret the way a seeded hash does; it needs
/// not to: a connection holds at most its stream limit, so crafted ids cost at most that many
/// probes. An empty table holds no memory, and one that empties after a burst gives its memory
/// back.
public struct StreamTable<Value> {
    /// Stream ids by slot; 0 (the connection's own id, never a stream's) marks a free slot.
    @usableFromInline var ids: [UInt32] = []
    @usableFromInline var slots: [Value?] = []
    @usableFromInline var entryCount = 0
    /// `32 - log2(capacity)`: the hash's top bits pick the slot.
    @usableFromInline var shift: UInt32 = 32

    /// The smallest table, allocated at the first insertion: one entry. Ten thousand idle
    /// connections that each made a call hold that much (8 slots were 10 MiB more than 2).
    @inlinable static var minimumCapacity: Int { 2 }
    /// An empty table above this capacity frees its memory; one of a connection making one
    /// call at a time stays, so it does not allocate and free on every call.
    @inlinable static var keptCapacity: Int { 2 }

    /// Creates an empty table; it allocates at its first insertion.
    @inlinable public init() {}

    /// The number of entries.
    @inlinable public var count: Int { entryCount }

    /// Whether the table holds no entry.
    @inlinable public var isEmpty: Bool { entryCount == 0 }

    /// The entry of stream `id` (a copy); setting nil removes it. To change an entry in place,
    /// without copying what it holds, use `modify(_:_:)`: a `_modify` accessor yielding a
    /// record this large allocated its coroutine frame on every access.
    @inlinable public subscript(id: UInt32) -> Value? {
        get {
            guard let slot = slot(of: id) else { return nil }
            return slots[slot]
        }
        set {
            if let newValue { updateValue(newValue, forKey: id) } else { removeValue(forKey: id) }
        }
    }

    /// Sets the entry of stream `id`, adding it when there is none.
    @inlinable public mutating func updateValue(_ value: consuming Value, forKey id: UInt32) {
        if let slot = slot(of: id) { slots[slot] = consume value } else { insert(value, for: id) }
    }

    /// What `body` reads from the entry of stream `id`; nil when there is none.
    @inlinable public func withValue<Result>(_ id: UInt32, _ body: (Value) -> Result) -> Result? {
        guard let slot = slot(of: id) else { return nil }
        return body(slots[slot]!)
    }

    /// Whether stream `id` has an entry (without copying it, unlike `table[id] != nil`).
    @inlinable public func contains(_ id: UInt32) -> Bool { slot(of: id) != nil }

    /// Runs `body` on the entry of stream `id` in place, if there is one.
    @inlinable public mutating func modify<Result, Failure: Error>(
        _ id: UInt32, _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result? {
        guard let slot = slot(of: id) else { return nil }
        return try body(&slots[slot]!)
    }

    /// Removes the entry of stream `id` and returns it.
    @discardableResult
    @inlinable public mutating func removeValue(forKey id: UInt32) -> Value? {
        guard let slot = slot(of: id) else { return nil }
        let value = slots[slot].take()
        remove(at: slot)
        return value
    }

    /// Removes every entry and frees the memory.
    @inlinable public mutating func removeAll() {
        self = StreamTable()
    }

    /// The ids of the entries, in no particular order.
    @inlinable public var keys: [UInt32] { ids.filter { $0 != 0 } }

    /// The entries, in no particular order.
    @inlinable public var values: [Value] { slots.compactMap { $0 } }

    @inlinable var mask: Int { ids.count &- 1 }

    @inlinable func home(of id: UInt32) -> Int {
        Int(truncatingIfNeeded: (id &* 0x9E37_79B9) &>> shift)
    }

    @inlinable func slot(of id: UInt32) -> Int? {
        guard entryCount > 0 else { return nil }
        var slot = home(of: id)
        while true {
            let found = ids[slot]
            if found == id { return slot }
            if found == 0 { return nil }
            slot = (slot &+ 1) & mask
        }
    }

    /// Inserts an entry for an id not in the table.
    @inlinable mutating func insert(_ value: consuming Value, for id: UInt32) {
        precondition(id != 0, "stream id 0 is the connection's, never a stream's")
        if (entryCount &+ 1) &* 2 > ids.count { resize(to: max(Self.minimumCapacity, ids.count &* 2)) }
        var slot = home(of: id)
        while ids[slot] != 0 { slot = (slot &+ 1) & mask }
        ids[slot] = id
        slots[slot] = consume value
        entryCount &+= 1
    }

    /// Empties `slot` (its value already taken) and moves later entries of its run back into
    /// the gap, so no lookup ever stops early at a free slot (no tombstones).
    @inlinable mutating func remove(at slot: Int) {
        entryCount &-= 1
        if entryCount == 0 && ids.count > Self.keptCapacity { return removeAll() }
        var hole = slot
        var next = (slot &+ 1) & mask
        while ids[next] != 0 {
            // The entry at `next` may fill the hole when the hole lies between its home and it.
            if (next &- home(of: ids[next])) & mask >= (next &- hole) & mask {
                ids[hole] = ids[next]
                slots[hole] = slots[next].take()
                hole = next
            }
            next = (next &+ 1) & mask
        }
        ids[hole] = 0
    }

    @usableFromInline mutating func resize(to capacity: Int) {
        let oldIDs = ids
        var oldSlots = slots
        ids = Array(repeating: 0, count: capacity)
        slots = Array(repeating: nil, count: capacity)
        shift = UInt32(32 - capacity.trailingZeroBitCount)
        entryCount = 0
        for index in oldIDs.indices where oldIDs[index] != 0 {
            insert(oldSlots[index].take()!, for: oldIDs[index])
        }
    }
}

extension StreamTable: Sendable where Value: Sendable {}
