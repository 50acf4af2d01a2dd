import AuraBytes
import AuraJobLog
import AuraMessages
import AuraProto
import Testing
@testable import AuraJobs

/// The jobs' state rebuilt from log records, without a log: each event in, the state out.
@Suite final class JobTableTests {
    private var table = JobTable()
    private var offset: UInt64 = 0
    private var segment: UInt64 = 1

    private func apply(_ entry: JobLogEntry) {
        offset += 100
        table.apply(entry, at: LogPosition(segment: segment, offset: offset))
    }

    private func upload(_ id: String, key: String = "", chunks: [String] = ["a\n", "b\n"]) {
        apply(.uploadStarted(UploadStarted(uploadId: id, spec: JobSpec(name: id, format: .lines, idempotencyKey: key).encoded(), createdUnixMs: 1)))
        var at: UInt64 = 0
        for chunk in chunks {
            apply(.uploadChunk(UploadChunk(uploadId: id, offset: at, data: ByteBuffer(bytes: Array(chunk.utf8)))))
            at += UInt64(chunk.utf8.count)
        }
    }

    private func complete(_ uploadID: String, job: String, records: UInt64 = 2) {
        apply(.uploadCompleted(UploadCompleted(uploadId: uploadID, jobId: job, bytes: 4, sha256: ByteBuffer(bytes: [1, 2]), recordsTotal: records, completedUnixMs: 2)))
    }

    private func results(_ job: String, from first: UInt64, _ sentiments: [SentimentLabel?]) -> JobLogEntry {
        let encoded = sentiments.enumerated().map { offset, label -> ByteBuffer in
            var record = RecordResult(index: first + UInt64(offset), line: first + UInt64(offset) + 1)
            if let label { record.result = SentimentResult(sentiment: label, language: "en") } else { record.error = EchoStatus(code: 13, message: "boom") }
            return record.encoded()
        }
        return .jobResults(JobResults(jobId: job, firstIndex: first, results: encoded))
    }

    @Test func anUploadBecomesAPendingJob() {
        upload("u1", chunks: ["one\n", "two\n"])
        #expect(table.uploads["u1"]?.durableBytes == 8)
        #expect(table.uploads["u1"]?.phase == .receiving)
        #expect(table.snapshot("j1") == nil)
        complete("u1", job: "j1")
        #expect(table.uploads["u1"]?.phase == .completed(jobID: "j1"))
        let job = table.snapshot("j1")
        #expect(job?.state == .pending)
        #expect(job?.recordsTotal == 2)
        #expect(job?.sha256 == "0102")
        #expect(table.pendingJobIDs == ["j1"])
    }

    @Test func resultsCountAndSummariseAndAnInterruptedJobResumesAfterThem() {
        upload("u1")
        complete("u1", job: "j1", records: 3)
        apply(.jobStarted(JobStarted(jobId: "j1", timeUnixMs: 5, attempt: 1)))
        apply(results("j1", from: 0, [.positive, nil]))
        #expect(table.interruptedJobIDs == ["j1"])
        let job = table.snapshot("j1")
        #expect(job?.state == .processing)
        #expect(job?.recordsDone == 2)
        #expect(job?.recordsFailed == 1)
        #expect(job?.summary.positive == 1)
        #expect(job?.summary.languages == ["en": 1])
        #expect(job?.startedUnixMs == 5)
        // A batch that does not start where the results end is not counted twice.
        apply(results("j1", from: 0, [.negative, .negative]))
        #expect(table.snapshot("j1")?.recordsDone == 2)
        #expect(table.jobs["j1"]?.batches.count == 1)
    }

    /// Attempts count in a row while they add no result: a job that moves on between crashes
    /// is never failed by them, one that crashes before any new result is.
    @Test func onlyAttemptsWithoutProgressCountAgainstAJob() {
        upload("u1")
        complete("u1", job: "j1", records: 4)
        #expect(table.jobs["j1"]?.nextAttempt == 1)
        apply(.jobStarted(JobStarted(jobId: "j1", timeUnixMs: 5, attempt: 3)))
        #expect(table.jobs["j1"]?.nextAttempt == 4)  // cut (a crash) before any result
        apply(results("j1", from: 0, [.positive]))
        #expect(table.jobs["j1"]?.nextAttempt == 1)  // cut after progress: does not count
        apply(.jobStarted(JobStarted(jobId: "j1", timeUnixMs: 6, attempt: 1)))
        #expect(table.jobs["j1"]?.nextAttempt == 2)
        apply(.jobStarted(JobStarted(jobId: "j1", timeUnixMs: 7, attempt: 2)))
        apply(results("j1", from: 1, [.negative, .neutral]))
        #expect(table.jobs["j1"]?.nextAttempt == 1)
    }

    @Test func aCopiedRecordPointsAtItsNewestPlace() {
        upload("u1", chunks: ["a\n"])
        complete("u1", job: "j1", records: 1)
        apply(results("j1", from: 0, [.neutral]))
        let before = table.jobs["j1"]!.batches[0].position
        segment = 9
        apply(results("j1", from: 0, [.neutral]))
        apply(.uploadChunk(UploadChunk(uploadId: "u1", offset: 0, data: ByteBuffer(bytes: Array("a\n".utf8)))))
        #expect(table.jobs["j1"]!.batches[0].position.segment == 9)
        #expect(table.jobs["j1"]!.batches[0].position != before)
        #expect(table.uploads["u1"]!.chunks.map(\.position.segment) == [9])
        #expect(table.uploads["u1"]!.durableBytes == 2)
        #expect(table.snapshot("j1")?.recordsDone == 1)
    }

    @Test func theFirstEndWinsAndLaterRecordsChangeNothing() {
        upload("u1")
        complete("u1", job: "j1")
        apply(.jobEnded(JobEnded(jobId: "j1", state: UInt32(JobState.cancelled.rawValue), timeUnixMs: 9)))
        apply(.jobEnded(JobEnded(jobId: "j1", state: UInt32(JobState.completed.rawValue), timeUnixMs: 10)))
        apply(.jobStarted(JobStarted(jobId: "j1", timeUnixMs: 11, attempt: 2)))
        apply(results("j1", from: 0, [.positive]))
        let job = table.snapshot("j1")
        #expect(job?.state == .cancelled)
        #expect(job?.completedUnixMs == 9)
        #expect(job?.recordsDone == 0)
        #expect(table.pendingJobIDs.isEmpty && table.interruptedJobIDs.isEmpty)
    }

    @Test func aFailedJobKeepsItsError() {
        upload("u1")
        complete("u1", job: "j1")
        apply(.jobEnded(JobEnded(jobId: "j1", state: UInt32(JobState.failed.rawValue), error: "line 3: bad", timeUnixMs: 9)))
        #expect(table.snapshot("j1")?.error == "line 3: bad")
        #expect(table.list(state: .failed, before: nil, limit: 10).map(\.id) == ["j1"])
        #expect(table.countsByState == [.failed: 1])
    }

    @Test func idempotencyKeysNameTheirUploadUntilItIsAbandoned() {
        upload("u1", key: "k")
        #expect(table.uploadIDByIdempotencyKey["k"] == "u1")
        apply(.uploadAbandoned(UploadAbandoned(uploadId: "u1", reason: "line 2: not UTF-8")))
        #expect(table.uploads["u1"]?.phase == .abandoned(reason: "line 2: not UTF-8"))
        #expect(table.uploadIDByIdempotencyKey["k"] == nil)
        // Chunks of an abandoned upload are not taken.
        apply(.uploadChunk(UploadChunk(uploadId: "u1", offset: 4, data: ByteBuffer(bytes: [0x61]))))
        #expect(table.uploads["u1"]?.durableBytes == 4)
    }

    @Test func anAbandonedUploadNeverBecomesAJob() {
        upload("u1")
        apply(.uploadAbandoned(UploadAbandoned(uploadId: "u1", reason: "expired")))
        complete("u1", job: "j1")
        #expect(table.jobs["j1"] == nil)
        #expect(table.uploads["u1"]?.phase == .abandoned(reason: "expired"))
    }

    @Test func listingIsNewestFirstInPages() {
        for n in 1...5 {
            upload("u\(n)")
            complete("u\(n)", job: "j\(n)")
        }
        let first = table.list(state: nil, before: nil, limit: 2)
        #expect(first.map(\.id) == ["j5", "j4"])
        #expect(table.list(state: nil, before: first.last!.serial, limit: 2).map(\.id) == ["j3", "j2"])
        #expect(table.list(state: .completed, before: nil, limit: 10).isEmpty)
    }

    @Test func retiredJobsFreeTheirSegmentsAndAreForgottenOnceRemoved() {
        upload("u1")
        complete("u1", job: "j1")
        segment = 2
        upload("u2")
        segment = 3
        #expect(table.liveRanges == [1...1, 2...2] || table.liveRanges == [2...2, 1...1])
        apply(.jobEnded(JobEnded(jobId: "j1", state: UInt32(JobState.completed.rawValue), timeUnixMs: 9)))
        #expect(table.liveRanges.contains(1...3))
        apply(.jobRetired(JobRetired(jobId: "j1", timeUnixMs: 10)))
        #expect(table.liveRanges == [2...2])
        #expect(table.snapshot("j1")?.state == .completed)
        #expect(table.list(state: nil, before: nil, limit: 10).isEmpty)
        table.forget(before: 4)
        #expect(table.jobs["j1"] == nil && table.uploads["u1"] == nil)
        #expect(table.uploads["u2"] != nil)  // still receiving: never forgotten
    }
}
