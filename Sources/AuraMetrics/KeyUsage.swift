import Synchronization

/// Calls per API key id. The first call of a key creates its counter under a lock; a caller on
/// the hot path keeps the `Counter` from `counter(forKey:)` (e.g. beside the loaded key) and
/// pays one atomic add per call. Past `maxKeys` distinct ids, further ones count under
/// `"other"`, so a flood of ids cannot grow the exposition without bound.
public final class KeyUsage: Sendable {
    /// The label given to keys past the limit.
    public static let overflowKeyID = "other"

    private let counters = Mutex<[String: Counter]>([:])
    private let maxKeys: Int

    /// Usage for at most `maxKeys` distinct key ids.
    public init(maxKeys: Int) { self.maxKeys = maxKeys }

    /// The counter of `keyID`, created on first use.
    public func counter(forKey keyID: String) -> Counter {
        counters.withLock { counters in
            if let counter = counters[keyID] { return counter }
            let id = counters.count < maxKeys ? keyID : Self.overflowKeyID
            if let counter = counters[id] { return counter }
            let counter = Counter()
            counters[id] = counter
            return counter
        }
    }

    /// Counts one call of `keyID`.
    public func record(keyID: String) { counter(forKey: keyID).increment() }

    /// Every key's calls, by key id.
    public func counts() -> [(keyID: String, calls: UInt64)] {
        counters.withLock { $0 }.map { ($0.key, $0.value.count) }.sorted { $0.keyID < $1.keyID }
    }
}
