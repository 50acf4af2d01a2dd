import AuraBytes
import AuraCore
import AuraDocuments
import AuraJobLog
import AuraMessages

/// A splitter shared with the blocking pool, one call at a time.
private final class SplitterBox: @unchecked Sendable {  // used by one worker task; the pool runs one of its calls at a time
    var splitter: DocumentSplitter
    init(_ format: AuraDocuments.DocumentFormat) { splitter = DocumentSplitter(format: format) }
}

/// Why a worker stopped a job early: it ended (cancelled, or failed past the threshold).
private struct JobEndedEarly: Error {}

extension JobManager {
    /// Wakes the dispatcher: a job may be waiting.
    func wakeDispatcher() { dispatcher.wake(store.changes) }

    /// Runs a job to its end: its results resume where the durable ones stop; an attempt that
    /// fails is tried again with backoff; a job whose attempts failed (or crashed the server)
    /// `maxAttempts` times in a row without adding a result ends FAILED. Returns early, leaving
    /// the job to resume later, when the server stops.
    func run(_ jobID: String) async {
        let trace = traces.take(jobID)  // a run that finds the job claimed finds it taken too
        guard store.claimJob(jobID) else { return }
        defer { store.releaseJob(jobID) }
        var backoff = configuration.retryBackoff
        while !Task.isCancelled {
            guard let job = store.read({ $0.jobs[jobID] }), !job.phase.isFinal else { return }
            let attempt = job.nextAttempt
            guard attempt <= configuration.maxAttempts else {
                await endFailed(jobID, "processing failed \(configuration.maxAttempts) times in a row without a result (or stopped the server that often)")
                return
            }
            do {
                try await store.append([.jobStarted(JobStarted(jobId: jobID, timeUnixMs: nowUnixMs, attempt: attempt))])
                try await JobTraces.process(jobID, attempt: attempt, under: trace) { try await process(jobID) }
                return
            } catch is CancellationError {
                return
            } catch is JobEndedEarly {
                return
            } catch {
                log("job \(jobID): attempt \(attempt) failed: \(error)")
                let next = store.read { $0.jobs[jobID]?.nextAttempt } ?? attempt + 1
                if next > configuration.maxAttempts {
                    await endFailed(jobID, "processing failed \(attempt) times; the last: \(error)")
                    return
                }
                try? await Task.sleep(for: backoff)
                backoff *= 2
            }
        }
    }

    /// Splits the document again from its start, skips the records whose results are durable,
    /// and analyses the rest in batches, each batch's results appended before the next.
    private func process(_ jobID: String) async throws {
        guard let (job, upload) = store.read({ table -> (JobTable.Job, JobTable.Upload)? in
            guard let job = table.jobs[jobID], let upload = table.uploads[job.uploadID] else { return nil }
            return (job, upload)
        }) else { return }
        let box = SplitterBox(try job.spec.documentFormat())
        let resumeAt = Int(job.recordsDone)
        var waiting: [DocumentRecord] = []
        for chunk in upload.chunks {
            try Task.checkCancellation()
            let records = try await pool.run { [store] in
                let data = try UploadChunk(decoding: try store.log.read(at: chunk.position).payload).data
                var records: [DocumentRecord] = []
                try data.withUnsafeReadableBytes { bytes in
                    try box.splitter.feed(bytes) { if $0.index >= resumeAt { records.append($0) } }
                }
                return records
            }
            waiting += records
            while waiting.count >= configuration.batchSize {
                try await analyse(Array(waiting.prefix(configuration.batchSize)), of: job)
                waiting.removeFirst(configuration.batchSize)
            }
        }
        waiting += try await pool.run {
            var records: [DocumentRecord] = []
            try box.splitter.finish { if $0.index >= resumeAt { records.append($0) } }
            return records
        }
        while !waiting.isEmpty {
            try await analyse(Array(waiting.prefix(configuration.batchSize)), of: job)
            waiting.removeFirst(min(configuration.batchSize, waiting.count))
        }
        let summary = store.read { $0.jobs[jobID]?.summary.summary }
        _ = try await store.end(jobID, state: .completed, summary: summary, now: nowUnixMs)
    }

    /// Analyses one batch (on the plugins' workers) and appends its results; ends the job when
    /// too many records failed or someone cancelled it.
    private func analyse(_ records: [DocumentRecord], of job: JobTable.Job) async throws {
        let outcomes = await engine.analyzeEach(records.map(\.text), options: job.spec.options, method: "aura.Jobs/\(job.id)")
        try Task.checkCancellation()  // a stopping server leaves the batch to the next start, not failed
        let results = zip(records, outcomes).map { record, outcome -> RecordResult in
            var result = RecordResult(index: UInt64(record.index), line: UInt64(record.line))
            switch outcome {
            case .success(let analysis): result.result = analysis
            case .failure(let error): result.error = EchoStatus(code: Int32(error.code.rawValue), message: error.message)
            }
            return result
        }
        try await store.append([.jobResults(JobResults(
            jobId: job.id, firstIndex: UInt64(records[0].index), results: results.map { $0.encoded() }))])
        processed.add(results.count, ordering: .relaxed)
        let (done, failed) = store.read { ($0.jobs[job.id]?.recordsDone ?? 0, $0.jobs[job.id]?.recordsFailed ?? 0) }
        // Failures past the threshold share of the whole job: it cannot succeed any more.
        if failed >= UInt64(configuration.minimumFailuresToFail), Double(failed) > configuration.failureThreshold * Double(job.recordsTotal) {
            let first = results.first { $0.error.code != 0 }.map { "; e.g. record \($0.index) (line \($0.line)): \($0.error.message)" } ?? ""
            await endFailed(job.id, "\(failed) of \(done) records failed, more than \(Int(configuration.failureThreshold * 100))%\(first)")
            throw JobEndedEarly()
        }
        if store.read({ $0.jobs[job.id]?.phase.isFinal ?? true }) {
            throw JobEndedEarly()  // cancelled (or ended) by someone else meanwhile
        }
        if store.isCancelRequested(job.id) {
            let summary = store.read { $0.jobs[job.id]?.summary.summary }
            _ = try await store.end(job.id, state: .cancelled, summary: summary, now: nowUnixMs)
            throw JobEndedEarly()
        }
    }

    /// Ends a job FAILED with `error`, logged; a log that refuses it leaves the job to be tried
    /// again at the next start.
    func endFailed(_ jobID: String, _ error: String) async {
        log("job \(jobID) failed: \(error)")
        let summary = store.read { $0.jobs[jobID]?.summary.summary }
        do {
            _ = try await store.end(jobID, state: .failed, error: error, summary: summary, now: nowUnixMs)
        } catch {
            log("job \(jobID): cannot record its failure: \(error)")
        }
    }
}
