import AuraBytes
import AuraPosix

/// A durable, append-only log of records in segment files (format: `docs/JOBLOG.md`).
///
/// Appends are group-committed: a writer thread of its own takes every queued append, writes
/// them with one `pwritev`, syncs them with one `fdatasync`, then resumes their callers with the
/// records' positions. Nothing is acknowledged before the sync that covers it. Reads go to the
/// files directly (`pread`) from any thread.
///
/// `close()` must be called before the log is released: the writer thread holds it.
public final class JobLog: @unchecked Sendable {
    private typealias Waiter = CheckedContinuation<Result<[LogPosition], JobLogError>, Never>

    let configuration: JobLogConfiguration
    let directory: SegmentDirectory
    let catalog: LogCatalog
    private let writer: SegmentWriter
    private let lock = Lock()
    private let workAvailable = Condition()
    /// Guarded by `lock`.
    private var queue: AppendQueue<Waiter>
    /// Guarded by `lock`: resumed when the writer thread exits.
    private var closeWaiters: [CheckedContinuation<Void, Never>] = []
    /// Guarded by `lock`; joined by the first `close()`.
    private var thread: PosixThread?

    private init(configuration: JobLogConfiguration, directory: SegmentDirectory, catalog: LogCatalog, writer: SegmentWriter) {
        self.configuration = configuration
        self.directory = directory
        self.catalog = catalog
        self.writer = writer
        queue = AppendQueue(limit: configuration.maxQueuedBytes)
    }

    /// Opens (creating if needed) and recovers the log: every record verified and decrypted
    /// (`configuration.keyring`: a segment sealed under a key not given throws `.encryption`
    /// before anything is changed, repair or not; a record that does not decrypt throws it too,
    /// and is never repaired); a torn tail
    /// truncated (reported); a corrupt record in the middle throws `.corrupt` naming segment
    /// file and offset. `repair: true` keeps every valid record, covers or cuts what is not
    /// (saving the bytes aside as `<segment>.dropped-<offset>`), and reports exactly what it
    /// dropped in `RecoveryReport.dropped`. `visit` is called for every valid record in log
    /// order during recovery, so the caller rebuilds its state in the same pass. Blocks while it
    /// reads: call it at startup, never on an event loop. Rethrows what `visit` throws.
    public static func open(
        _ configuration: JobLogConfiguration, repair: Bool = false, visit: (StoredRecord) throws -> Void
    ) throws -> (JobLog, RecoveryReport) {
        try open(configuration, repair: repair, synchronize: { (file) throws(SystemError) in try file.synchronizeData() }, visit: visit)
    }

    /// `open`, with the call that syncs each batch given (tests make it fail).
    static func open(
        _ configuration: JobLogConfiguration, repair: Bool, synchronize: @escaping SegmentWriter.Synchronize,
        visit: (StoredRecord) throws -> Void
    ) throws -> (JobLog, RecoveryReport) {
        let directory = SegmentDirectory(
            path: configuration.directory, segmentSize: configuration.segmentSize, preallocate: configuration.preallocate)
        try jobLog { () throws(SystemError) in try Files.createDirectories(configuration.directory) }
        // Only what recovery found leaves the closure, not `visit`.
        let recovered = try withoutActuallyEscaping(visit) { visit in
            var recovery = Recovery(directory: directory, keyring: configuration.keyring, repair: repair, visit: visit)
            try recovery.run()
            return (recovery.report, recovery.extents, recovery.lastFile, recovery.nextSequence)
        }
        let (report, recoveredExtents, lastFile, nextSequence) = recovered
        var extents = recoveredExtents
        let keyID = configuration.keyring.currentID
        let file: RandomAccessFile
        if let last = lastFile, let lastExtent = extents.last, lastExtent.keyID == keyID {
            file = last
        } else {
            // New records go under the current key (or none): a segment of their own.
            if let last = lastFile, let lastExtent = extents.last {
                try jobLog { () throws(SystemError) in
                    try last.truncate(to: lastExtent.end)
                    try last.synchronize()
                }
            }
            let id = (extents.last?.id ?? 0) + 1
            file = try jobLog { () throws(SystemError) in try directory.create(id, baseSequence: nextSequence, keyID: keyID) }
            extents.append(SegmentExtent(id: id, end: SegmentFormat.headerSize, keyID: keyID))
        }
        let current = extents[extents.count - 1]
        let catalog = LogCatalog(extents: extents, currentFile: file, syncObserver: configuration.syncObserver)
        let writer = SegmentWriter(
            directory: directory, catalog: catalog, file: file, segmentID: current.id, offset: current.end,
            nextSequence: nextSequence, key: configuration.keyring.current, synchronize: synchronize)
        let log = JobLog(configuration: configuration, directory: directory, catalog: catalog, writer: writer)
        let thread = try jobLog { () throws(SystemError) in try PosixThread.spawn(name: "aura-joblog") { log.writerLoop() } }
        log.lock.withLock { log.thread = thread }
        return (log, report)
    }

    /// Appends `records` (all or none of them become durable) and returns their positions once
    /// the `fdatasync` that covers them has returned. Concurrent appends share one sync. The
    /// caller's task suspends, no thread blocks; when more than `maxQueuedBytes` wait for the
    /// writer, it suspends until they drain. Once queued, an append is written even if the task
    /// is cancelled. All records of one append go to one segment, so together they may not be
    /// larger than a segment (unless the append is a single record).
    public func append(_ records: [LogRecord]) async throws(JobLogError) -> [LogPosition] {
        guard !records.isEmpty else { return [] }
        var bytes = 0
        for record in records {
            let size = record.payload.readableBytes
            guard size <= configuration.maxRecordSize else { throw .recordTooLarge(size, limit: configuration.maxRecordSize) }
            bytes += SegmentFormat.recordHeaderSize + size + configuration.keyring.recordOverhead
        }
        let segmentRoom = configuration.segmentSize - SegmentFormat.headerSize
        if records.count > 1 && bytes > segmentRoom { throw .recordTooLarge(bytes, limit: segmentRoom) }
        let result = await withCheckedContinuation { (waiter: Waiter) in
            let submission = lock.withLock { queue.submit(.init(records: records, bytes: bytes, waiter: waiter)) }
            switch submission {
            case .queued(let wakeWriter): if wakeWriter { workAvailable.signal() }
            case .waiting: break
            case .refused(let error): waiter.resume(returning: .failure(error))
            }
        }
        return try result.get()
    }

    /// Stops the writer once everything queued is durable; later appends fail with `.closed`.
    /// Safe to call more than once.
    public func close() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let exited = lock.withLock { () -> Bool in
                queue.close()
                if case .closed = queue.state { return true }
                closeWaiters.append(continuation)
                return false
            }
            if exited { continuation.resume() } else { workAvailable.signal() }
        }
        let thread = lock.withLock {
            defer { self.thread = nil }
            return self.thread
        }
        thread?.join()
    }

    /// The segments, oldest first, with the bytes of their records (header included); the
    /// current (open) one last.
    public var segments: [(id: UInt64, bytes: Int)] { catalog.snapshot.map { ($0.id, $0.end) } }

    /// Bytes the log takes on disk: every segment's records plus the space preallocated for the
    /// current and the next segment.
    public var diskUsage: Int { catalog.diskUsage }

    /// The end of the log: the current segment and the offset the next record would get there
    /// (an append that does not fit goes to the start of the next segment instead).
    public var endPosition: LogPosition { catalog.endPosition }

    /// `fdatasync` latencies over the last 1024 syncs, for metrics.
    public var syncStats: SyncStats { catalog.syncStats }

    /// Deletes a whole closed segment (compaction, decided above the log: the caller first
    /// copies what must live on). The file is removed and the folder fsynced; recovery accepts
    /// missing segments (reported in `RecoveryReport.missingSegments`). The current segment
    /// cannot be removed (EBUSY); an unknown id fails with ENOENT.
    public func removeSegment(_ id: UInt64) throws(JobLogError) {
        try jobLog { () throws(SystemError) in
            try catalog.remove(id)
            try directory.remove(id)
        }
    }

    private func writerLoop() {
        while true {
            lock.lock()
            var step = queue.nextWriterStep()
            while case .wait = step {
                workAvailable.wait(lock)
                step = queue.nextWriterStep()
            }
            lock.unlock()
            guard case .write(let batch) = step else { break }
            let outcome = writer.write(batch.map { ($0.records, $0.bytes) })
            var failed: [AppendQueue<Waiter>.Entry] = []
            if let fatal = outcome.fatal { failed = lock.withLock { queue.fail(fatal) } }
            for (entry, result) in zip(batch, outcome.results) { entry.waiter.resume(returning: result) }
            for entry in failed { entry.waiter.resume(returning: .failure(outcome.fatal!)) }
            writer.prepareNextSegment()
        }
        let waiters = lock.withLock {
            defer { closeWaiters = [] }
            return closeWaiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
