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

    private struct State {
        var index: [SHA256Digest: Int] = [:]
        var nodes: [Node?] = []
        var free: [Int] = []
        var newest: Int?
        var oldest: Int?
        var stats = Stats()
    }

    /// The most bytes the values may cost together.
    public let maxBytes: Int
    /// How long an entry lives.
    public let timeToLive: Duration
    private let now: @Sendable () -> ContinuousClock.Instant
    private let state = Mutex(State())

    /// Creates a cache; `now` is injectable so tests control time.
    public init(maxBytes: Int, timeToLive: Duration = .seconds(24 * 3600), now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.maxBytes = maxBytes
        self.timeToLive = timeToLive
        self.now = now
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
