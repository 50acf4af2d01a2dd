import AuraBytes
import AuraClient
import AuraCrypto
@testable import AuraJobs
import AuraMessages
import AuraWire
import Foundation
import Testing

/// aura.Jobs end to end over a real socket and a real job log.
@Suite struct JobServiceTests {
    static let lines = (0..<500).map { "review number \($0) was fine" }.joined(separator: "\n") + "\n"

    @Test func aDocumentIsAcknowledgedDurableThenProcessedInOrder() async throws {
        try await JobsServer.run { server in
            let spec = JobSpec(name: "reviews", format: .lines)
            let response = try await server.client.submit(spec, document: Chunks(items: chunks(Self.lines, size: 777)))
            #expect(response.bytes == UInt64(Self.lines.utf8.count))
            #expect(response.sha256 == Crypto.sha256(Array(Self.lines.utf8)).description)
            #expect(!response.existing)
            let job = try await server.finished(response.jobId)
            #expect(job.state == .completed)
            #expect(job.recordsTotal == 500 && job.recordsDone == 500 && job.recordsFailed == 0)
            #expect(job.summary.positive == 500)
            #expect(job.summary.languages == ["en": 500])
            let results = try await server.results(response.jobId)
            #expect(results.map(\.index) == Array(0..<500))
            #expect(results.map(\.line) == Array(1...500))
            #expect(results.allSatisfy { $0.result.sentiment == .positive })
            #expect(try await server.results(response.jobId, from: 498).map(\.index) == [498, 499])
        }
    }

    @Test func theSameIdempotencyKeyReturnsTheSameJob() async throws {
        try await JobsServer.run { server in
            let spec = JobSpec(name: "once", format: .lines, idempotencyKey: "key-1")
            let first = try await server.client.submit(spec, document: Chunks(items: chunks("a\nb\n", size: 2)))
            let second = try await server.client.submit(spec, document: Chunks(items: chunks("other\n", size: 100)))
            #expect(second.jobId == first.jobId)
            #expect(second.existing)
            #expect(second.sha256 == first.sha256)
        }
    }

    @Test func twoSubmitsWithOneKeyAtOnceNeverMakeTwoJobs() async throws {
        try await JobsServer.run(start: false) { server in
            let spec = JobSpec(format: .lines, idempotencyKey: "race")
            let outcomes = await withTaskGroup(of: Result<String, any Error>.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        do {
                            return .success(try await server.client.submit(spec, document: Chunks(items: chunks(Self.lines, size: 512))).jobId)
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let jobIDs = Set(outcomes.compactMap { try? $0.get() })
            #expect(jobIDs.count == 1, "\(outcomes)")
            for case .failure(let error) in outcomes { #expect((error as? RPCError)?.code == .aborted, "\(error)") }
            #expect(server.manager.stats.pending == 1)
        }
    }

    @Test func tinyChunksAreGatheredIntoFewRecords() async throws {
        try await JobsServer.run(start: false) { server in
            let document = String(repeating: "a tiny chunked line\n", count: 10_000)  // 200 KB sent 7 bytes at a time
            let response = try await server.client.submit(JobSpec(format: .lines), document: Chunks(items: chunks(document, size: 7)))
            #expect(response.sha256 == Crypto.sha256(Array(document.utf8)).description)
            let records = server.manager.store.read { table in table.uploads[response.uploadId]?.chunks.count ?? 0 }
            #expect(records > 0 && records <= 4, "\(records) chunk records for 200 KB")
        }
    }

    @Test func aMalformedDocumentIsRefusedBeforeAcknowledgementWithItsLine() async throws {
        try await JobsServer.run { server in
            var bad = ByteBuffer(bytes: Array("fine\nalso fine\n".utf8))
            bad.writeBytes([0x62, 0xff, 0x0a])
            let error = await #expect(throws: RPCError.self) {
                _ = try await server.client.submit(JobSpec(format: .lines, uploadId: "bad-1"), document: Chunks(items: [bad]))
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("line 3") == true, "\(error?.message ?? "")")
            let status = try await server.client.unary("aura.Jobs/GetUpload", UploadRef(uploadId: "bad-1"), as: UploadStatus.self)
            #expect(!status.completed)
            let resumed = await #expect(throws: RPCError.self) {
                _ = try await server.client.submit(JobSpec(format: .lines, uploadId: "bad-1"), document: Chunks(items: []))
            }
            #expect(resumed?.code == .alreadyExists)
        }
    }

    @Test func specsAreCheckedBeforeAnyDataIsAccepted() async throws {
        try await JobsServer.run(configure: { $0.maxLogBytes = 1 << 20 }) { server in
            for (spec, code, words) in [
                (JobSpec(format: .csv), StatusCode.invalidArgument, "csv_column"),
                (JobSpec(format: .formatUnspecified), .invalidArgument, "needs a format"),
                (JobSpec(format: .lines, options: AnalyzeOptions(analyzer: "nope@1")), .notFound, "nope@1"),
                (JobSpec(format: .lines, expectedBytes: 2 << 20), .resourceExhausted, "does not fit"),
                (JobSpec(format: .lines, uploadId: "bad id"), .invalidArgument, "upload_id"),
                (JobSpec(format: .csv, csvColumn: String(repeating: "c", count: 100_000)), .invalidArgument, "csv_column is 100000 bytes"),
                (JobSpec(format: .jsonl, jsonlField: String(repeating: "f", count: 257)), .invalidArgument, "jsonl_field is 257 bytes"),
            ] {
                let error = await #expect(throws: RPCError.self) {
                    _ = try await server.client.submit(spec, document: Chunks(items: chunks("a\n", size: 1)))
                }
                #expect(error?.code == code, "\(spec)")
                #expect(error?.message.contains(words) == true, "\(error?.message ?? "")")
            }
        }
    }

    @Test func aCutOffUploadResumesFromItsDurableEnd() async throws {
        try await JobsServer.run(configure: { $0.chunkBatchBytes = 1 }) { server in
            let document = (0..<200).map { "line \($0)" }.joined(separator: "\n") + "\n"
            let parts = chunks(document, size: 100)
            // The first Submit sends half of the document and is cut off.
            let call: RPCCall<SubmitRequest, SubmitResponse> = try await server.client.makeCall("aura.Jobs/Submit")
            try await call.send(SubmitRequest(part: .spec(JobSpec(format: .lines, uploadId: "resume-1"))))
            for part in parts.prefix(parts.count / 2) { try await call.send(SubmitRequest(part: .chunk(part))) }
            // Wait until those bytes are durable, then cut the call.
            var durable: UInt64 = 0
            while durable < UInt64(parts.count / 2 * 100) {
                durable = try await server.client.unary("aura.Jobs/GetUpload", UploadRef(uploadId: "resume-1"), as: UploadStatus.self).durableBytes
                await Task.yield()
            }
            call.cancel()
            // A wrong offset is refused with the right one.
            let wrong = await #expect(throws: RPCError.self) {
                _ = try await server.client.unary(
                    "aura.Jobs/Submit", SubmitRequest(part: .resume(ResumeUpload(uploadId: "resume-1", offset: 1))), as: SubmitResponse.self)
            }
            #expect(wrong?.code == .failedPrecondition || wrong?.code == .aborted)
            let file = NSTemporaryDirectory() + "aura-resume-\(UUID().uuidString.prefix(8))"
            try Data(document.utf8).write(to: URL(fileURLWithPath: file))
            defer { try? FileManager.default.removeItem(atPath: file) }
            var response: SubmitResponse?
            for _ in 0..<100 {  // the cut call may still hold the upload for a moment
                do {
                    response = try await server.client.resumeSubmit(uploadID: "resume-1", file: file, chunkSize: 64)
                    break
                } catch let error as RPCError where error.code == .aborted {
                    await Task.yield()
                }
            }
            let done = try #require(response)
            #expect(done.bytes == UInt64(document.utf8.count))
            #expect(done.sha256 == Crypto.sha256(Array(document.utf8)).description)
            #expect(try await server.finished(done.jobId).recordsDone == 200)
        }
    }

    @Test func aJobWithTooManyFailedRecordsEndsFailedAndStaysAsADeadLetter() async throws {
        let folder = NSTemporaryDirectory() + "aura-jobs-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let document = (0..<40).map { $0 % 4 == 0 ? "fine \($0)" : "boom \($0)" }.joined(separator: "\n")
        let jobID = try await JobsServer.run(directory: folder, configure: { $0.batchSize = 8 }) { server in
            let response = try await server.client.submit(JobSpec(format: .lines), document: Chunks(items: chunks(document, size: 50)))
            let job = try await server.finished(response.jobId)
            #expect(job.state == .failed)
            #expect(job.error.contains("records failed"), "\(job.error)")
            return response.jobId
        }
        // After a restart the failure is still listed.
        try await JobsServer.run(directory: folder) { server in
            let letters = try await server.client.unary("aura.DeadLetters/List", ListDeadLettersRequest(), as: DeadLetterList.self)
            #expect(letters.letters.map(\.jobId).contains(jobID))
            #expect(try await server.client.job(jobID).state == .failed)
        }
    }

    @Test func aWaitingJobIsCancelledAndAnEndedOneCannotBe() async throws {
        try await JobsServer.run(start: false) { server in
            let response = try await server.client.submit(JobSpec(format: .lines), document: Chunks(items: chunks("a\n", size: 1)))
            #expect(try await server.client.job(response.jobId).state == .pending)
            let cancelled = try await server.client.cancel(response.jobId)
            #expect(cancelled.state == .cancelled)
            let again = await #expect(throws: RPCError.self) { _ = try await server.client.cancel(response.jobId) }
            #expect(again?.code == .failedPrecondition)
            let missing = await #expect(throws: RPCError.self) { _ = try await server.client.job("job-nope") }
            #expect(missing?.code == .notFound)
        }
    }

    @Test func jobsSurviveARestartAndPendingOnesRunAfterIt() async throws {
        let folder = NSTemporaryDirectory() + "aura-jobs-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let jobID = try await JobsServer.run(directory: folder, start: false) { server in
            try await server.client.submit(JobSpec(format: .lines), document: Chunks(items: chunks(Self.lines, size: 4096))).jobId
        }
        try await JobsServer.run(directory: folder) { server in
            let job = try await server.finished(jobID)
            #expect(job.state == .completed && job.recordsDone == 500)
            let list = try await server.client.jobs(state: .completed)
            #expect(list.jobs.map(\.jobId) == [jobID])
        }
    }

    @Test func finishedJobsPastTheirRetentionAreCompactedAway() async throws {
        try await JobsServer.run(configure: {
            $0.retention = .zero
            $0.segmentSize = 64 << 10
            $0.sweepInterval = .seconds(3600)
        }) { server in
            var ids: [String] = []
            for _ in 0..<4 {
                ids.append(try await server.client.submit(JobSpec(format: .lines), document: Chunks(items: chunks(Self.lines, size: 8192))).jobId)
            }
            for id in ids { _ = try await server.finished(id) }
            let before = try await server.client.unary("aura.Jobs/Stats", Empty(), as: JobStats.self)
            await server.manager.sweep()
            let after = try await server.client.unary("aura.Jobs/Stats", Empty(), as: JobStats.self)
            #expect(after.logBytes < before.logBytes, "\(before.logBytes) -> \(after.logBytes)")
            #expect(after.completed == 0)
            let gone = await #expect(throws: RPCError.self) { _ = try await server.results(ids[0]) }
            #expect(gone?.code == .notFound)
        }
    }
}
