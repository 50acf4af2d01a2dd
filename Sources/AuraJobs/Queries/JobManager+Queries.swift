import AuraCore
import AuraJobLog
import AuraMessages

extension JobManager {
    /// A job as it is now; NOT_FOUND for an id the server does not know.
    public func job(_ jobID: String) throws(RPCError) -> Job {
        guard let job = store.read({ $0.snapshot(jobID) }) else { throw RPCError(.notFound, "no job \(jobID)") }
        return job
    }

    /// Whether this server holds job `jobID` (its log has it, in any state).
    public func holdsJob(_ jobID: String) -> Bool { store.read { $0.jobs[jobID] != nil } }

    /// An upload's durable size, to resume it from.
    public func upload(_ uploadID: String) throws(RPCError) -> UploadStatus {
        guard let upload = store.read({ $0.uploads[uploadID] }) else { throw RPCError(.notFound, "no upload \(uploadID)") }
        var status = UploadStatus(uploadId: upload.id, durableBytes: upload.durableBytes)
        if case .completed(let jobID) = upload.phase {
            status.completed = true
            status.jobId = jobID
        }
        return status
    }

    /// One page of jobs, newest first; the token is where the previous page stopped.
    public func list(_ request: ListJobsRequest) throws(RPCError) -> JobList {
        let limit = request.pageSize == 0 ? 100 : Int(request.pageSize)
        guard limit <= 1_000 else { throw RPCError(.invalidArgument, "page_size is at most 1000, got \(request.pageSize)") }
        var before: Int?
        if !request.pageToken.isEmpty {
            guard let serial = Int(request.pageToken), serial >= 0 else {
                throw RPCError(.invalidArgument, "page_token is not one this server gave")
            }
            before = serial
        }
        let state: JobState? = request.state == .jobStateUnspecified ? nil : request.state
        return store.read { table in
            let page = table.list(state: state, before: before, limit: limit + 1)
            var list = JobList(jobs: page.prefix(limit).compactMap { table.snapshot($0.id) })
            if page.count > limit { list.nextPageToken = String(page[limit - 1].serial) }
            return list
        }
    }

    /// Cancels a job: a waiting one at once, a running one at the end of its current batch
    /// (the answer comes when it has ended). A job already ended is FAILED_PRECONDITION.
    public func cancel(_ jobID: String) async throws -> Job {
        let current = try job(jobID)
        guard current.state == .pending || current.state == .processing else {
            throw RPCError(.failedPrecondition, "job \(jobID) has ended (\(current.state.name ?? "?")); there is nothing to cancel")
        }
        while true {
            let version = store.changes.version(of: jobID)
            if case .reservedTheEnd = store.requestCancelOrReserveEnd(jobID) {
                // No worker holds it: end it here (a worker that claims it now finds it ending).
                _ = try await store.end(jobID, state: .cancelled, summary: nil, now: nowUnixMs, reserved: true)
            }
            let now = try job(jobID)
            if now.state != .pending && now.state != .processing { return now }
            try Task.checkCancellation()
            await store.changes.wait(for: jobID, after: version)
        }
    }

    /// The job now, then after each change, until it has ended.
    public func watch(_ jobID: String, _ send: (Job) async throws -> Void) async throws {
        var last: Job?
        while true {
            let version = store.changes.version(of: jobID)
            let now = try job(jobID)
            if now != last { try await send(now) }
            last = now
            if now.state != .pending && now.state != .processing { return }
            try Task.checkCancellation()
            await store.changes.wait(for: jobID, after: version)
        }
    }

    /// Each record's result from `from`, in index order; for a running job, results as they
    /// come, until the job ends.
    public func results(_ jobID: String, from: UInt64, _ send: (RecordResult) async throws -> Void) async throws {
        var next = from
        while true {
            let version = store.changes.version(of: jobID)
            guard let job = store.read({ $0.jobs[jobID] }) else { throw RPCError(.notFound, "no job \(jobID)") }
            if job.isRetired { throw RPCError(.notFound, "job \(jobID) is past its retention time; its results are gone") }
            for batch in job.batches where batch.firstIndex + UInt64(batch.count) > next {
                let record: StoredRecord
                do {
                    record = try await pool.run { [store] in try store.log.read(at: batch.position) }
                } catch let error as JobLogError {
                    // Compaction may remove a retired job's results while they stream.
                    guard let now = store.read({ $0.jobs[jobID] }), !now.isRetired else {
                        throw RPCError(.notFound, "job \(jobID) passed its retention time while its results streamed")
                    }
                    throw error
                }
                let results = try JobResults(decoding: record.payload).results
                for (offset, bytes) in results.enumerated() where batch.firstIndex + UInt64(offset) >= next {
                    try await send(try RecordResult(decoding: bytes))
                }
                next = batch.firstIndex + UInt64(batch.count)
            }
            if job.phase.isFinal { return }
            try Task.checkCancellation()
            await store.changes.wait(for: jobID, after: version)
        }
    }

    /// Counts by state and the log's size.
    public var stats: JobStats {
        let counts = store.read { $0.countsByState }
        return JobStats(
            pending: UInt64(counts[.pending, default: 0]), processing: UInt64(counts[.processing, default: 0]),
            completed: UInt64(counts[.completed, default: 0]), failed: UInt64(counts[.failed, default: 0]),
            cancelled: UInt64(counts[.cancelled, default: 0]), logBytes: UInt64(store.log.diskUsage),
            logBudgetBytes: UInt64(configuration.maxLogBytes), logSegments: UInt64(store.log.segments.count),
            recordsProcessed: UInt64(processed.load(ordering: .relaxed)))
    }

    /// Jobs that ended FAILED, newest first, as dead letters (they live in the log, so they
    /// survive a restart).
    public func failedJobLetters(limit: Int) -> [DeadLetter] {
        store.read { table in
            table.list(state: .failed, before: nil, limit: limit == 0 ? Int.max : limit).map { job in
                var error = ""
                if case .ended(_, let message) = job.phase { error = message }
                return DeadLetter(
                    requestId: job.id, method: "aura.Jobs/Submit", code: Int32(StatusCode.internal.rawValue), error: error,
                    timeUnixMs: job.completedUnixMs, jobId: job.id)
            }
        }
    }
}
