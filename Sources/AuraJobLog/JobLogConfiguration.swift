/// Where the job log lives and how large its files and records may grow.
public struct JobLogConfiguration: Sendable {
    /// The folder of segment files, e.g. `<data-dir>/joblog`; created (with parents) if missing.
    public var directory: String
    /// A segment is closed and the next one started when the next append would not fit.
    public var segmentSize: Int = 64 << 20
    /// The largest payload of one record; larger ones fail with `JobLogError.recordTooLarge`.
    public var maxRecordSize: Int = 16 << 20
    /// How many bytes of appends may wait for the writer before `append` suspends (backpressure).
    public var maxQueuedBytes: Int = 64 << 20
    /// Whether segments are preallocated (`fallocate`) to `segmentSize`: faster appends on
    /// ext4; off for file systems where space should only be taken as it is written.
    public var preallocate: Bool = true
    /// Told the latency of every `fdatasync` of appended records, in nanoseconds, on the
    /// writer's thread right after it returns (metrics: keep it to an atomic add).
    public var syncObserver: (@Sendable (_ nanoseconds: UInt64) -> Void)?
    /// The keys of encryption at rest (docs/ENCRYPTION.md): new segments are sealed under the
    /// current one (plaintext without one); segments sealed under an old key stay readable.
    public var keyring: JobLogKeyring = .plaintext

    /// A configuration with the default sizes for the log in `directory`.
    public init(directory: String) {
        self.directory = directory
    }
}
