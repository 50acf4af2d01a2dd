import AuraBytes
import AuraJobLog
import AuraMessages

/// Every upload and job, rebuilt from the job log and kept current as records are appended:
/// the one place their state lives in memory. Not thread-safe: `JobStore` guards it.
///
/// `apply` is idempotent for records that compaction copies forward (the same chunk offset or
/// result batch again points at its newest copy), so replaying a log that holds both a record
/// and its copy gives the same state.
struct JobTable: Sendable {
    /// Where one chunk of a document is in the log.
    struct ChunkRef: Equatable, Sendable {
        let offset: UInt64
        let length: Int
        var position: LogPosition
    }

    /// Where one batch of results is in the log.
    struct ResultBatchRef: Equatable, Sendable {
        let firstIndex: UInt64
        let count: Int
        var position: LogPosition
    }

    /// An upload: its spec, its chunks, and what became of it.
    struct Upload: Sendable {
        let id: String
        let spec: JobSpec
        let createdUnixMs: Int64
        var chunks: [ChunkRef] = []
        var durableBytes: UInt64 = 0
        var phase = UploadPhase.receiving
        /// Where its first record is: records before it hold nothing of this upload.
        let firstPosition: LogPosition
        /// Where its last record is.
        var lastPosition: LogPosition
    }

    /// A job: an upload whose document is whole, and its processing.
    struct Job: Sendable {
        let id: String
        let uploadID: String
        let spec: JobSpec
        let bytes: UInt64
        let sha256: [UInt8]
        let recordsTotal: UInt64
        let createdUnixMs: Int64
        /// The order jobs were created in (newest first in listings).
        let serial: Int
        var phase = JobPhase.pending
        var startedUnixMs: Int64 = 0
        var completedUnixMs: Int64 = 0
        var batches: [ResultBatchRef] = []
        var recordsDone: UInt64 = 0
        /// `recordsDone` when the last attempt started.
        var recordsDoneAtStart: UInt64 = 0
        var recordsFailed: UInt64 = 0
        var summary = SummaryAccumulator()
        var endedSummary: JobSummary?
        var lastPosition: LogPosition

        /// Whether the job is past its retention time.
        var isRetired: Bool { if case .retired = phase { true } else { false } }

        /// The attempt a worker that starts the job now makes: attempts count in a row while
        /// they add no result. An attempt that a crash (or an error) interrupted after durable
        /// progress does not count against the job, so a server killed for reasons of its own
        /// never fails a job that moves on; one that added nothing may be what crashes the
        /// server, and counts.
        var nextAttempt: UInt32 {
            guard case .processing(let previous) = phase else { return 1 }
            return recordsDone > recordsDoneAtStart ? 1 : previous + 1
        }
    }

    private(set) var uploads: [String: Upload] = [:]
    private(set) var jobs: [String: Job] = [:]
    private(set) var uploadIDByIdempotencyKey: [String: String] = [:]
    private var nextSerial = 0

    /// Applies one record appended at `position`.
    mutating func apply(_ entry: JobLogEntry, at position: LogPosition) {
        switch entry {
        case .uploadStarted(let started):
            guard uploads[started.uploadId] == nil else { return }
            let spec = (try? JobSpec(decoding: started.spec)) ?? JobSpec()
            uploads[started.uploadId] = Upload(
                id: started.uploadId, spec: spec, createdUnixMs: started.createdUnixMs, firstPosition: position,
                lastPosition: position)
            if !spec.idempotencyKey.isEmpty { uploadIDByIdempotencyKey[spec.idempotencyKey] = started.uploadId }
        case .uploadChunk(let chunk):
            applyChunk(chunk, at: position)
        case .uploadCompleted(let completed):
            applyCompleted(completed, at: position)
        case .uploadAbandoned(let abandoned):
            guard var upload = uploads[abandoned.uploadId], upload.phase == .receiving else { return }
            upload.phase = .abandoned(reason: abandoned.reason)
            upload.lastPosition = max(upload.lastPosition, position)
            uploads[abandoned.uploadId] = upload
            if uploadIDByIdempotencyKey[upload.spec.idempotencyKey] == upload.id {
                uploadIDByIdempotencyKey[upload.spec.idempotencyKey] = nil
            }
        case .jobStarted(let started):
            update(started.jobId, at: position) { job in
                guard !job.phase.isFinal else { return }
                job.phase = .processing(attempt: started.attempt)
                job.recordsDoneAtStart = job.recordsDone
                if job.startedUnixMs == 0 { job.startedUnixMs = started.timeUnixMs }
            }
        case .jobResults(let results):
            update(results.jobId, at: position) { job in Self.applyResults(results, at: position, to: &job) }
        case .jobEnded(let ended):
            update(ended.jobId, at: position) { job in
                guard !job.phase.isFinal else { return }
                job.phase = .ended(JobState(rawValue: Int32(clamping: ended.state)), error: ended.error)
                job.completedUnixMs = ended.timeUnixMs
                if ended.summary.readableBytes > 0 { job.endedSummary = try? JobSummary(decoding: ended.summary) }
            }
        case .jobRetired(let retired):
            update(retired.jobId, at: position) { job in
                guard case .ended(let state, _) = job.phase else { return }
                job.phase = .retired(state)
                job.batches = []
            }
        }
    }

    private mutating func applyChunk(_ chunk: UploadChunk, at position: LogPosition) {
        guard var upload = uploads[chunk.uploadId] else { return }
        let length = chunk.data.readableBytes
        if chunk.offset == upload.durableBytes, upload.phase == .receiving {
            upload.chunks.append(ChunkRef(offset: chunk.offset, length: length, position: position))
            upload.durableBytes += UInt64(length)
        } else if let index = upload.chunks.firstIndex(where: { $0.offset == chunk.offset && $0.length == length }) {
            upload.chunks[index].position = position  // a copy made by compaction: the newest counts
        }
        upload.lastPosition = max(upload.lastPosition, position)
        uploads[chunk.uploadId] = upload
    }

    private mutating func applyCompleted(_ completed: UploadCompleted, at position: LogPosition) {
        guard var upload = uploads[completed.uploadId], upload.phase == .receiving, jobs[completed.jobId] == nil else { return }
        upload.phase = .completed(jobID: completed.jobId)
        uploads[completed.uploadId] = upload
        jobs[completed.jobId] = Job(
            id: completed.jobId, uploadID: upload.id, spec: upload.spec, bytes: completed.bytes,
            sha256: completed.sha256.readableBytesArray, recordsTotal: completed.recordsTotal,
            createdUnixMs: upload.createdUnixMs, serial: nextSerial, lastPosition: position)
        nextSerial += 1
    }

    private static func applyResults(_ results: JobResults, at position: LogPosition, to job: inout Job) {
        if results.firstIndex == job.recordsDone, !job.phase.isFinal {
            job.batches.append(ResultBatchRef(firstIndex: results.firstIndex, count: results.results.count, position: position))
            for bytes in results.results {
                guard let record = try? RecordResult(decoding: bytes) else { continue }
                if record.error.code != 0 {
                    job.recordsFailed += 1
                } else {
                    job.summary.add(record.result)
                }
            }
            job.recordsDone += UInt64(results.results.count)
        } else if let index = job.batches.firstIndex(where: { $0.firstIndex == results.firstIndex }) {
            job.batches[index].position = position  // a copy made by compaction
        }
    }

    private mutating func update(_ jobID: String, at position: LogPosition, _ body: (inout Job) -> Void) {
        guard var job = jobs[jobID] else { return }
        body(&job)
        job.lastPosition = max(job.lastPosition, position)
        jobs[jobID] = job
    }

    // MARK: Queries

    /// The job as clients see it.
    func snapshot(_ jobID: String) -> AuraMessages.Job? {
        guard let job = jobs[jobID] else { return nil }
        var error = ""
        if case .ended(_, let message) = job.phase { error = message }
        return AuraMessages.Job(
            jobId: job.id, name: job.spec.name, state: job.phase.state, format: job.spec.format, bytes: job.bytes,
            sha256: job.sha256.hexString, recordsDone: job.recordsDone, recordsTotal: job.recordsTotal,
            recordsFailed: job.recordsFailed, createdUnixMs: job.createdUnixMs, startedUnixMs: job.startedUnixMs,
            completedUnixMs: job.completedUnixMs, error: error, summary: job.endedSummary ?? job.summary.summary,
            options: job.spec.hasOptions ? job.spec.options : nil, idempotencyKey: job.spec.idempotencyKey)
    }

    /// Jobs waiting for a worker, oldest first.
    var pendingJobIDs: [String] {
        jobs.values.filter { $0.phase == .pending }.sorted { $0.serial < $1.serial }.map(\.id)
    }

    /// Jobs a worker had begun when the server stopped: they resume where their results end.
    var interruptedJobIDs: [String] {
        jobs.values.filter { if case .processing = $0.phase { true } else { false } }.sorted { $0.serial < $1.serial }.map(\.id)
    }

    /// Jobs in `state` (all when nil), newest first, after the job with serial `before`.
    func list(state: JobState?, before serial: Int?, limit: Int) -> [Job] {
        jobs.values
            .filter { job in !job.isRetired && (state.map { job.phase.state == $0 } ?? true) }
            .filter { job in serial.map { job.serial < $0 } ?? true }
            .sorted { $0.serial > $1.serial }
            .prefix(limit)
            .map { $0 }
    }

    /// The log range each upload or job still needs, from its first record to its last: a
    /// segment outside every range holds nothing live and may be removed. Retired jobs and
    /// abandoned uploads need nothing.
    var liveRanges: [ClosedRange<UInt64>] {
        var ranges: [ClosedRange<UInt64>] = []
        for upload in uploads.values {
            switch upload.phase {
            case .abandoned: continue
            case .receiving: ranges.append(upload.firstPosition.segment...upload.lastPosition.segment)
            case .completed(let jobID):
                guard let job = jobs[jobID], !job.isRetired else { continue }
                ranges.append(upload.firstPosition.segment...max(upload.lastPosition.segment, job.lastPosition.segment))
            }
        }
        return ranges
    }

    /// Forgets retired jobs and abandoned uploads whose records all lie before `segment` (they
    /// were removed, so a restart would not know them either); returns the ids forgotten.
    @discardableResult
    mutating func forget(before segment: UInt64) -> [String] {
        var forgotten: [String] = []
        for upload in uploads.values where upload.lastPosition.segment < segment {
            switch upload.phase {
            case .abandoned:
                uploads[upload.id] = nil
                forgotten.append(upload.id)
            case .completed(let jobID):
                guard let job = jobs[jobID], job.isRetired, job.lastPosition.segment < segment else { continue }
                jobs[jobID] = nil
                uploads[upload.id] = nil
                forgotten += [upload.id, jobID]
            case .receiving:
                continue
            }
            if uploadIDByIdempotencyKey[upload.spec.idempotencyKey] == upload.id {
                uploadIDByIdempotencyKey[upload.spec.idempotencyKey] = nil
            }
        }
        return forgotten
    }

    /// How many jobs are in each state.
    var countsByState: [JobState: Int] {
        var counts: [JobState: Int] = [:]
        for job in jobs.values where !job.isRetired { counts[job.phase.state, default: 0] += 1 }
        return counts
    }
}

extension Array where Element == UInt8 {
    /// The bytes in lowercase hex.
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(count * 2)
        for byte in self {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
