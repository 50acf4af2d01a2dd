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
    @discardableResult
    func append(_ entries: [JobLogEntry]) async throws(JobLogError) -> [LogPosition] {
        let positions = try await log.append(entries.map(\.logRecord))
        table.withLock { table in
            for (entry, position) in zip(entries, positions) { table.apply(entry, at: position) }
        }
        for key in Set(entries.map(\.key)) { changes.signal(key) }
        return positions
    }

    /// Forgets what lies wholly before `segment` (see `JobTable.forget`).
    func forget(before segment: UInt64) { table.withLock { $0.forget(before: segment) } }

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
        let notFinal = table.withLock { $0.jobs[jobID].map { !$0.phase.isFinal } ?? false }
        return notFinal && claims.withLock { $0.endingJobs.insert(jobID).inserted }
    }

    /// Lets go of a reserved end once its record is applied (the job is final then) or the log
    /// refused it (another end may be tried).
    func releaseEnd(of jobID: String) { _ = claims.withLock { $0.endingJobs.remove(jobID) } }

    /// Ends a job with one `JobEnded` record, unless it is final or ending already; returns
    /// whether this call ended it.
    func end(_ jobID: String, state: JobState, error: String = "", summary: JobSummary?, now: Int64) async throws(JobLogError) -> Bool {
        guard reserveEnd(of: jobID) else { return false }
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

    /// Asks the worker running `jobID` to stop at its next batch; false when no worker runs it.
    func requestCancel(_ jobID: String) -> Bool {
        claims.withLock { claims in
            guard claims.jobs.contains(jobID) else { return false }
            claims.cancelRequested.insert(jobID)
            return true
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
