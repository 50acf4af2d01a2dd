import AuraCrypto
import AuraMessages
import Synchronization

/// The sync path's result cache: SHA-256 keys, a time to live, a bound in bytes, and least
/// recently used eviction. Thread-safe; hits and misses are counted.
public final class ResultCache<Value: Sendable>: Sendable {
    /// Counters, as `aura.Sentiment/Stats` reports them.
    public struct Stats: Sendable, Equatable {
        /// Lookups answered, and lookups not answered (absent or expired).
        public var hits = 0, misses = 0
        /// What the cache holds now.
        public var entries = 0, bytes = 0

        /// Creates counters.
        public init(hits: Int = 0, misses: Int = 0, entries: Int = 0, bytes: Int = 0) {
            self.hits = hits
            self.misses = misses
            self.entries = entries
            self.bytes = bytes
        }
    }

    private struct Node {
        var key: SHA256Digest
        var value: Value
        var cost: Int
        var expires: ContinuousClock.Instant
        var newer: Int?  // towards the most recently used
        var older: Int?  // towards the least recently used
    }

    /// What one entry costs the cache itself, beyond the value's own heap bytes: its slot in
    /// the node array, its share of the index (a hash table at most 3/4 full that doubles when
    /// it grows, so up to 8/3 buckets per entry, all resident once keys spread over them),
    /// and its free-list slot. Callers add this to a value's cost; measured against RSS in
    /// `ResultCacheMemoryTests`.
    public static var entryOverhead: Int {
        let bucket = MemoryLayout<SHA256Digest>.stride + MemoryLayout<Int>.stride
        return MemoryLayout<Node?>.stride + bucket * 8 / 3 + MemoryLayout<Int>.stride
    }

    private struct State {
        var index: [SHA256Digest: Int] = [:]
        var nodes: [Node?] = []
        var free: [Int] = []
        var newest: Int?
        var oldest: Int?
        var stats = Stats()

        /// Reserves room for `entries` up front: growing the tables later would copy them, and
        /// the heap keeps the old copies resident (measured: a third more than the tables).
        init(reserving entries: Int) {
            index.reserveCapacity(entries)
            nodes.reserveCapacity(entries)
        }
    }

    /// The most entries reserved up front (about 1.3 GB of tables for `SentimentResult`): a
    /// larger cache grows its tables past this as it fills.
    static var maximumReservedEntries: Int { 1 << 22 }

    /// The most bytes the values may cost together.
    public let maxBytes: Int
    /// Whether anything can be stored (`--cache-mb 0` turns the cache off).
    public var isEnabled: Bool { maxBytes >= Self.entryOverhead }
    /// How long an entry lives.
    public let timeToLive: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state: Mutex<State>

    /// Creates a cache; `now` is injectable so tests control time.
    public init(maxBytes: Int, timeToLive: Duration = .seconds(24 * 3600), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.maxBytes = maxBytes
        self.timeToLive = timeToLive
        self.now = now
        // Untouched reserved pages are not resident: the tables cost memory as entries fill them.
        state = Mutex(State(reserving: min(max(0, maxBytes) / Self.entryOverhead, Self.maximumReservedEntries)))
    }

    /// The value for `key` if present and not expired; a hit makes it the most recently used.
    public func get(_ key: SHA256Digest) -> Value? {
        let time = now()
        return state.withLock { state in
            guard let slot = state.index[key], let node = state.nodes[slot] else {
                state.stats.misses += 1
                return nil
            }
            guard node.expires > time else {
                Self.remove(slot, from: &state)
                state.stats.misses += 1
                return nil
            }
            Self.unlink(slot, in: &state)
            Self.pushNewest(slot, in: &state)
            state.stats.hits += 1
            return node.value
        }
    }

    /// Stores `value` under `key`, costing `cost` bytes, evicting the least recently used
    /// entries to stay within `maxBytes`. A value larger than the whole cache is not stored.
    /// For `maxBytes` to bound real memory, `cost` must include `entryOverhead`.
    public func put(_ key: SHA256Digest, _ value: Value, cost: Int) {
        guard cost <= maxBytes else { return }
        let expires = now() + timeToLive
        state.withLock { state in
            if let slot = state.index[key] { Self.remove(slot, from: &state) }
            while state.stats.bytes + cost > maxBytes, let oldest = state.oldest { Self.remove(oldest, from: &state) }
            let node = Node(key: key, value: value, cost: cost, expires: expires)
            let slot: Int
            if let reused = state.free.popLast() {
                slot = reused
                state.nodes[slot] = node
            } else {
                slot = state.nodes.count
                state.nodes.append(node)
            }
            state.index[key] = slot
            Self.pushNewest(slot, in: &state)
            state.stats.entries += 1
            state.stats.bytes += cost
        }
    }

    /// The counters now.
    public var stats: Stats { state.withLock { $0.stats } }

    private static func remove(_ slot: Int, from state: inout State) {
        guard let node = state.nodes[slot] else { return }
        unlink(slot, in: &state)
        state.index[node.key] = nil
        state.nodes[slot] = nil
        state.free.append(slot)
        state.stats.entries -= 1
        state.stats.bytes -= node.cost
    }

    private static func unlink(_ slot: Int, in state: inout State) {
        let node = state.nodes[slot]!
        if let newer = node.newer { state.nodes[newer]!.older = node.older } else { state.newest = node.older }
        if let older = node.older { state.nodes[older]!.newer = node.newer } else { state.oldest = node.newer }
        state.nodes[slot]!.newer = nil
        state.nodes[slot]!.older = nil
    }

    private static func pushNewest(_ slot: Int, in state: inout State) {
        state.nodes[slot]!.older = state.newest
        state.nodes[slot]!.newer = nil
        if let newest = state.newest { state.nodes[newest]!.newer = slot }
        state.newest = slot
        if state.oldest == nil { state.oldest = slot }
    }
}
