import AuraMetrics
import AuraCrypto
import AuraPosix
import Synchronization

/// The server's keys: the keys file in memory, changed through `create`, `revoke` and
/// `setLimit` (each written to the file before it takes effect), and read on every call
/// through `entry(for:)`, which takes a short lock to copy the current snapshot's entry. A
/// change builds a new snapshot and swaps it in, so it applies from the next call on.
public final class KeyStore: Sendable {
    /// One key as calls see it: its record and, when it is limited, its token bucket.
    public struct Entry: Sendable {
        /// The key.
        public let record: KeyRecord
        /// Its bucket; nil without a limit.
        public let bucket: TokenBucket?
        /// The calls it was admitted for (exported as `aura_key_calls_total`).
        public let calls: Counter
        /// The secret that last matched `record.secretDigest`.
        let verified: VerifiedSecret
    }

    /// Where the keys are kept.
    public let file: KeysFile
    /// The salt of every secret digest.
    public let salt: [UInt8]
    /// Nanoseconds on a clock that never jumps: what the token buckets run on.
    public let clock: @Sendable () -> Int64
    private let snapshot: Mutex<[KeyID: Entry]>
    /// The records, in creation order; held while a change is written, so changes are serial.
    private let records: Mutex<[KeyRecord]>
    /// Calls per key id, counted by the entries' `calls`.
    public let usage: KeyUsage

    /// A store over `contents` of `file`, as read by `KeysFile.read`.
    public init(
        file: KeysFile, contents: KeysFile.Contents, usage: KeyUsage = KeyUsage(maxKeys: 1_000),
        clock: @escaping @Sendable () -> Int64 = KeyStore.monotonicNanoseconds
    ) {
        self.file = file
        salt = contents.salt
        self.clock = clock
        self.usage = usage
        records = Mutex(contents.keys)
        snapshot = Mutex(Self.entries(contents.keys, keeping: [:], usage: usage, now: clock()))
    }

    /// CLOCK_MONOTONIC in nanoseconds.
    public static let monotonicNanoseconds: @Sendable () -> Int64 = { Int64(MonotonicClock.nanoseconds()) }

    /// The key `id` as calls see it now, or nil.
    @inline(__always)
    public func entry(for id: KeyID) -> Entry? {
        snapshot.withLock { $0[id] }
    }

    /// The keys in creation order.
    public func list() -> [KeyRecord] { records.withLock { $0 } }

    /// The digest a secret's hex digits must have.
    public func digest(ofSecret secret: UnsafeRawBufferPointer) -> SHA256Digest {
        salt.withUnsafeBytes { Crypto.sha256($0, secret) }
    }

    /// Creates a key with `scopes` and `limit`; the token is returned once and kept nowhere.
    public func create(scopes: ScopeSet, limit: RateLimit, nowUnixMillis: Int64 = WallClock.microseconds() / 1000) throws(KeyError) -> (KeyRecord, KeyToken) {
        guard !scopes.isEmpty else { throw .invalid("a key needs at least one scope") }
        let token = KeyToken.generate()
        let record = KeyRecord(
            id: token.id, secretDigest: token.secret.withUnsafeBytes { digest(ofSecret: $0) }, scopes: scopes, limit: limit,
            createdUnixMillis: nowUnixMillis)
        try change { (records) throws(KeyError) in
            guard !records.contains(where: { $0.id == record.id }) else { throw .invalid("key id \(record.id) exists; try again") }
            records.append(record)
        }
        return (record, token)
    }

    /// Disables key `id`: its next call is refused. Revoking twice is fine.
    public func revoke(_ id: KeyID) throws(KeyError) -> KeyRecord {
        try update(id) { $0.enabled = false }
    }

    /// Gives key `id` a new limit, with a full bucket.
    public func setLimit(_ id: KeyID, to limit: RateLimit) throws(KeyError) -> KeyRecord {
        try update(id) { $0.limit = limit }
    }

    private func update(_ id: KeyID, _ body: (inout KeyRecord) -> Void) throws(KeyError) -> KeyRecord {
        try change { (records) throws(KeyError) -> KeyRecord in
            guard let index = records.firstIndex(where: { $0.id == id }) else { throw .notFound(id.text) }
            body(&records[index])
            return records[index]
        }
    }

    /// Applies `body` to a copy of the records, writes the file, then publishes the result.
    private func change<R>(_ body: (inout [KeyRecord]) throws(KeyError) -> R) throws(KeyError) -> R {
        try records.withLock { (current) throws(KeyError) -> R in
            var changed = current
            let result = try body(&changed)
            try file.write(KeysFile.Contents(salt: salt, keys: changed))
            current = changed
            let entries = Self.entries(changed, keeping: snapshot.withLock { $0 }, usage: usage, now: clock())
            snapshot.withLock { $0 = entries }
            return result
        }
    }

    /// The entries for `records`, reusing the buckets in `old` whose limit is unchanged; each
    /// counts its calls into `usage`.
    private static func entries(_ records: [KeyRecord], keeping old: [KeyID: Entry], usage: KeyUsage, now: Int64) -> [KeyID: Entry] {
        var entries: [KeyID: Entry] = [:]
        entries.reserveCapacity(records.count)
        for record in records {
            let kept = old[record.id]?.bucket.flatMap { $0.limit == record.limit ? $0 : nil }
            let bucket = kept ?? (record.limit.isLimited ? TokenBucket(limit: record.limit, now: now) : nil)
            let verified = old[record.id].map { $0.record.secretDigest == record.secretDigest ? $0.verified : VerifiedSecret() } ?? VerifiedSecret()
            entries[record.id] = Entry(record: record, bucket: bucket, calls: usage.counter(forKey: record.id.text), verified: verified)
        }
        return entries
    }
}
