import AuraJobLog
import AuraPosix

/// How the job path behaves; every value has a default that suits a 2-core machine.
public struct JobsConfiguration: Sendable {
    /// The job log's folder (created if missing), e.g. `<data-dir>/joblog`.
    public var logDirectory: String
    /// How many jobs run at once (each on a blocking-pool thread).
    public var workers: Int = System.coreCount
    /// How many records go to the plugins, and to the log, at once.
    public var batchSize: Int = 256
    /// How long a finished job (document and results) is kept before compaction drops it.
    public var retention: Duration = .seconds(7 * 24 * 3600)
    /// The most disk the job log may use, in bytes: a Submit that would pass it is refused with
    /// RESOURCE_EXHAUSTED before it is accepted.
    public var maxLogBytes: Int = 64 << 30
    /// The most jobs that may wait for a worker: past it, Submit is RESOURCE_EXHAUSTED.
    public var maxPendingJobs: Int = 1_000
    /// A job whose failed records pass this share (and at least `minimumFailuresToFail` of
    /// them) ends FAILED.
    public var failureThreshold: Double = 0.5
    /// See `failureThreshold`.
    public var minimumFailuresToFail: Int = 10
    /// How many attempts in a row that add no result (failed, or cut by a crash) a job gets
    /// before it ends FAILED, with backoff between.
    public var maxAttempts: Int = 3
    /// The first pause between attempts; it doubles each time.
    public var retryBackoff: Duration = .milliseconds(200)
    /// Chunks of one upload are appended together up to this many bytes (fewer, larger records).
    public var chunkBatchBytes: Int = 1 << 20
    /// How often finished jobs past their retention are retired and dead segments removed.
    public var sweepInterval: Duration = .seconds(60)
    /// An upload that stays incomplete this long is abandoned (its chunks can then go).
    public var uploadExpiry: Duration = .seconds(24 * 3600)
    /// The size at which the log starts a new segment file (compaction removes whole segments).
    public var segmentSize: Int = 64 << 20
    /// Told each job-log `fdatasync` latency in nanoseconds (see `JobLogConfiguration.syncObserver`).
    public var logSyncObserver: (@Sendable (_ nanoseconds: UInt64) -> Void)?
    /// This server's node name, written into every job id so that any server of a cluster
    /// knows where a job lives (`JobID`); nil gives ids without one.
    public var nodeName: String?
    /// The job log's keys for encryption at rest (docs/ENCRYPTION.md); plaintext by default.
    public var logKeyring: JobLogKeyring = .plaintext

    /// The defaults, with the log in `logDirectory`.
    public init(logDirectory: String) { self.logDirectory = logDirectory }
}
