import AuraBytes
import AuraJobLog
import AuraMessages
import Synchronization

/// The job log and the state it holds, kept in step: every change is appended (durably) first,
/// then applied to the in-memory `JobTable`, then announced to waiters.
///
/// Each upload and job has one writer at a time, so their records reach the log in the order
/// their state moves: a Submit claims its upload, a worker claims the job it runs, and a
/// transition that ends a job (`JobEnded`) is reserved under the lock before it is appended, so
/// a job never gets two ends whatever races the log's group commit allows.
final class JobStore: Sendable {
    let log: JobLog
    private let table: Mutex<JobTable>
    private let claims = Mutex(Claims())
    let changes = ChangeSignal()

    /// Who holds which upload or job, in memory only (nothing survives a restart but the log).
    private struct Claims {
        var uploads: Set<String> = []
        var jobs: Set<String> = []
        var endingJobs: Set<String> = []
        var cancelRequested: Set<String> = []
        var idempotencyKeys: Set<String> = []
        /// For each append in flight, the segment it will land in or after.
        var appendFloors: [Int: UInt64] = [:]
        var nextAppend = 0
    }

    /// What `requestCancelOrReserveEnd` did.
    enum CancelStep {
        /// A worker runs the job: it ends it CANCELLED after its current batch.
        case askedTheWorker
        /// No worker runs it: the caller holds its one end and appends it.
        case reservedTheEnd
        /// The job is final or ending already.
        case nothing
    }

    init(log: JobLog, table: JobTable) {
        self.log = log
        self.table = Mutex(table)
    }

    /// Reads the state under the lock.
    func read<T>(_ body: (JobTable) throws -> T) rethrows -> T {
        try table.withLock { try body($0) }
    }

    /// Appends `entries` durably, applies them, and wakes whoever waits on what they touch.
    ///
    /// Until the records are applied, the segments from the log's end at the start of the append
    /// on are not compactable (`oldestSegmentInFlight`): a record can be durable, in a segment
    /// the writer has already closed, before the table knows it.
    @discardableResult
    func append(_ entries: [JobLogEntry]) async throws(JobLogError) -> [LogPosition] {
        let token = claims.withLock { claims -> Int in
            claims.nextAppend += 1
            claims.appendFloors[claims.nextAppend] = log.endPosition.segment
            return claims.nextAppend
        }
        defer { claims.withLock { _ = $0.appendFloors.removeValue(forKey: token) } }
        let positions = try await log.append(entries.map(\.logRecord))
        table.withLock { table in
            for (entry, position) in zip(entries, positions) { table.apply(entry, at: position) }
        }
        for key in Set(entries.map(\.key)) { changes.signal(key) }
        return positions
    }

    /// The oldest segment an append still in flight may land in; nil when none is in flight.
    var oldestSegmentInFlight: UInt64? { claims.withLock { $0.appendFloors.values.min() } }

    /// Forgets what lies wholly before `segment` (see `JobTable.forget`), and the change
    /// versions of what it forgot.
    func forget(before segment: UInt64) {
        let forgotten = table.withLock { $0.forget(before: segment) }
        changes.forget(forgotten)
    }

    /// Takes an idempotency key while a Submit checks it and starts its upload, so that two
    /// Submits with one key never start two uploads; false when another Submit holds it.
    func claimKey(_ key: String) -> Bool { claims.withLock { $0.idempotencyKeys.insert(key).inserted } }

    /// Gives the key back (its upload is applied, or the Submit failed).
    func releaseKey(_ key: String) { _ = claims.withLock { $0.idempotencyKeys.remove(key) } }

    // MARK: Claims

    /// Takes `uploadID` for one Submit; false when another Submit holds it.
    func claimUpload(_ uploadID: String) -> Bool { claims.withLock { $0.uploads.insert(uploadID).inserted } }

    /// Gives the upload back.
    func releaseUpload(_ uploadID: String) { _ = claims.withLock { $0.uploads.remove(uploadID) } }

    /// Takes a job for a worker; false when another worker has it, or it is ending.
    func claimJob(_ jobID: String) -> Bool {
        claims.withLock { claims in
            guard !claims.endingJobs.contains(jobID) else { return false }
            return claims.jobs.insert(jobID).inserted
        }
    }

    /// The worker is done with the job.
    func releaseJob(_ jobID: String) { _ = claims.withLock { $0.jobs.remove(jobID) } }

    /// Reserves the one end of a job: true for the first caller while the job is not final.
    func reserveEnd(of jobID: String) -> Bool {
        claims.withLock { claims in
            let notFinal = table.withLock { $0.jobs[jobID].map { !$0.phase.isFinal } ?? false }
            return notFinal && claims.endingJobs.insert(jobID).inserted
        }
    }

    /// Lets go of a reserved end once its record is applied (the job is final then) or the log
    /// refused it (another end may be tried).
    func releaseEnd(of jobID: String) { _ = claims.withLock { $0.endingJobs.remove(jobID) } }

    /// Ends a job with one `JobEnded` record, unless it is final or ending already (or, with
    /// `reserved`, the caller holds its end from `requestCancelOrReserveEnd`); returns whether
    /// this call ended it.
    func end(_ jobID: String, state: JobState, error: String = "", summary: JobSummary?, now: Int64, reserved: Bool = false) async throws(JobLogError) -> Bool {
        guard reserved || reserveEnd(of: jobID) else { return false }
        defer {
            releaseEnd(of: jobID)
            claims.withLock { _ = $0.cancelRequested.remove(jobID) }
        }
        let ended = JobEnded(
            jobId: jobID, state: UInt32(state.rawValue), error: error, timeUnixMs: now,
            summary: summary?.encoded() ?? .empty)
        try await append([.jobEnded(ended)])
        return true
    }

    /// Asks the worker running `jobID` to stop at its next batch, or, when no worker runs it,
    /// reserves its end for the caller: in one step, so a worker cannot claim it in between.
    func requestCancelOrReserveEnd(_ jobID: String) -> CancelStep {
        claims.withLock { claims in
            if claims.jobs.contains(jobID) {
                claims.cancelRequested.insert(jobID)
                return .askedTheWorker
            }
            let notFinal = table.withLock { $0.jobs[jobID].map { !$0.phase.isFinal } ?? false }
            guard notFinal, claims.endingJobs.insert(jobID).inserted else { return .nothing }
            return .reservedTheEnd
        }
    }

    /// Whether someone asked to cancel `jobID` while a worker ran it.
    func isCancelRequested(_ jobID: String) -> Bool { claims.withLock { $0.cancelRequested.contains(jobID) } }
}

extension JobLogEntry {
    /// The upload or job the entry is about (what waiters wait on).
    var key: String {
        switch self {
        case .uploadStarted(let m): return m.uploadId
        case .uploadChunk(let m): return m.uploadId
        case .uploadCompleted(let m): return m.jobId
        case .uploadAbandoned(let m): return m.uploadId
        case .jobStarted(let m): return m.jobId
        case .jobResults(let m): return m.jobId
        case .jobEnded(let m): return m.jobId
        case .jobRetired(let m): return m.jobId
        }
    }
}
