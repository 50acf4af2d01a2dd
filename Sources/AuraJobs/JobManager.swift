import AuraBlockingPool
import AuraCore
import AuraCrypto
import AuraJobLog
import AuraMessages
import AuraPosix
import AuraSentiment

/// The asynchronous path: uploads into the job log, jobs run by workers, results read back,
/// old jobs compacted away. `JobService` exposes it as `aura.Jobs`.
///
/// All state is in the job log (`JobStore`); this type adds the workers, the checks and the
/// clocks. File I/O and plugin calls run on its blocking pool, never on an event loop.
public final class JobManager: Sendable {
    let configuration: JobsConfiguration
    let store: JobStore
    let engine: SentimentEngine
    let pool: BlockingPool
    /// What recovery found when the log was opened.
    public let recovery: RecoveryReport
    let dispatcher = Dispatcher()
    /// The traces of jobs submitted by sampled calls, until a worker takes them.
    let traces = JobTraces()
    /// Records processed since the server started.
    let processed = Atomic<Int>(0)
    let log: @Sendable (String) -> Void

    /// Opens (or creates) the job log and rebuilds every upload and job from it. A corrupt log
    /// fails with the segment and offset; `repair` keeps what is valid and reports the rest.
    public init(
        configuration: JobsConfiguration, engine: SentimentEngine, repair: Bool = false,
        log: @escaping @Sendable (String) -> Void = { _ in }
    ) throws {
        var configuration = configuration
        // One append of an upload's chunks must fit in a segment (small segments on small disks).
        configuration.chunkBatchBytes = min(configuration.chunkBatchBytes, configuration.segmentSize / 2)
        self.configuration = configuration
        self.engine = engine
        self.log = log
        try Files.createDirectories(configuration.logDirectory)
        var table = JobTable()
        var logConfiguration = JobLogConfiguration(directory: configuration.logDirectory)
        logConfiguration.segmentSize = configuration.segmentSize
        logConfiguration.syncObserver = configuration.logSyncObserver
        logConfiguration.keyring = configuration.logKeyring
        let (jobLog, report) = try JobLog.open(logConfiguration, repair: repair) { record in
            table.apply(try JobLogEntry(type: record.type, payload: record.payload), at: record.position)
        }
        recovery = report
        store = JobStore(log: jobLog, table: table)
        pool = BlockingPool(threadCount: max(2, configuration.workers + 1), queueCapacity: 4 * configuration.workers + 64, name: "aura-jobs")
    }

    /// Starts the workers: jobs a crash interrupted first, then waiting ones, then new ones as
    /// they come; and the retention sweep.
    public func start() {
        dispatcher.start(manager: self)
    }

    /// Stops taking jobs, lets running batches end (their results are durable), and closes the
    /// log. Jobs not finished resume at the next start.
    public func stop() async {
        await dispatcher.stop()
        await pool.shutdown()
        await store.log.close()
    }

    /// Milliseconds since 1970, for the records' times.
    var nowUnixMs: Int64 { WallClock.microseconds() / 1000 }

    /// A new random id: `prefix` and 16 hex digits.
    static func makeID(_ prefix: String) -> String { prefix + Crypto.randomBytes(8).hexString }
}

import Synchronization
