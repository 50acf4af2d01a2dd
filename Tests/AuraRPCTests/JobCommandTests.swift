import Foundation
import TestSupport
import Testing

/// The job commands (submit, job, results, jobs, cancel, watch, dlq list) end to end: a real
/// aura-server per test and aura-rpc, checked by exit status, stdout and stderr. One test at a
/// time: each starts a server, and the rest of the suite runs beside them on two cores.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct JobCommandTests {
    static let plugins = ServiceCommandTests.plugins

    @Test func submitPrintsTheJobAndJsonHasTheDocumentsSHA256() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
            let plain = try await auraRPC(["submit", path, "--format", "lines"], on: server)
            #expect(plain.status == 0, "\(plain)")
            #expect(plain.stdout.hasPrefix("job job-"), "\(plain)")
            #expect(plain.stdout.hasSuffix("  32 bytes  sha256 \(JobDocuments.linesSHA256)\n"), "\(plain)")

            let json = try await auraRPC(["submit", path, "--json"], on: server)
            #expect(json.status == 0, "\(json)")
            let object = try jsonObject(json.stdout)
            #expect(Set(object.keys) == ["jobId", "bytes", "sha256"], "\(json)")
            #expect((object["jobId"] as? String)?.hasPrefix("job-") == true, "\(json)")
            #expect(object["bytes"] as? String == "32", "\(json)")
            #expect(object["sha256"] as? String == JobDocuments.linesSHA256, "\(json)")
        }
    }

    @Test func submitWaitExitsZeroOnceCompletedWithProgressLinesOnStderr() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
            let result = try await auraRPC(["submit", path, "--wait"], on: server)
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.last?.hasSuffix("  COMPLETED  3/3 records  \(path)") == true, "\(result)")
            // stderr is a pipe here: plain lines, no carriage returns or escape sequences.
            #expect(!result.stderr.contains("\r") && !result.stderr.contains("\u{1B}"), "\(result)")
            let progress = result.stderr.split(separator: "\n")
            #expect(progress.contains { $0.hasPrefix("upload [") && $0.contains("100% 32/32 bytes") }, "\(result)")
            #expect(progress.contains { $0.hasPrefix("process [") && $0.contains("100% 3/3 records") }, "\(result)")
        }
    }

    @Test func csvAndJsonlDocumentsGiveOneRecordPerRow() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let csv = try JobDocuments.write("id,text\n1,\"I love it, really\"\n2,this is awful\n", to: "reviews.csv", in: server)
            let fromCSV = try await auraRPC(["submit", csv, "--format", "csv", "--column", "text", "--wait"], on: server)
            #expect(fromCSV.status == 0, "\(fromCSV)")
            #expect(fromCSV.lines.last?.contains("  COMPLETED  2/2 records") == true, "\(fromCSV)")

            let jsonl = try JobDocuments.write("{\"id\":1,\"body\":\"great, I love it\"}\n{\"body\":\"this is awful\"}\n", to: "reviews.jsonl", in: server)
            let fromJSONL = try await auraRPC(["submit", jsonl, "--format", "jsonl", "--field", "body", "--json"], on: server)
            #expect(fromJSONL.status == 0, "\(fromJSONL)")
            let jobID = try #require(try jsonObject(fromJSONL.stdout)["jobId"] as? String)
            let results = try await auraRPC(["results", jobID], on: server)  // follows the job until it ends
            #expect(results.status == 0, "\(results)")
            #expect(results.lines.map { $0.prefix(19) } == ["0  line 1  POSITIVE", "1  line 2  NEGATIVE"], "\(results)")
            let csvJob = try #require(fromCSV.lines.first?.split(separator: " ").dropFirst().first)
            let csvResults = try await auraRPC(["results", String(csvJob)], on: server)
            #expect(csvResults.lines.map { $0.prefix(19) } == ["0  line 2  POSITIVE", "1  line 3  NEGATIVE"], "lines count the header: \(csvResults)")
        }
    }

    @Test func aDashReadsTheDocumentFromStdin() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let result = try await auraRPC(["submit", "-", "--json", "--wait"], on: server, stdin: JobDocuments.lines)
            #expect(result.status == 0, "\(result)")
            let object = try jsonObject(try #require(result.lines.first))
            #expect(object["sha256"] as? String == JobDocuments.linesSHA256, "\(result)")
            #expect(object["bytes"] as? String == "32", "\(result)")
            let job = try await jobJSON(try #require(object["jobId"] as? String), on: server)
            #expect(job["state"] as? String == "COMPLETED", "\(job)")
            #expect(job["name"] as? String == "-", "\(job)")
        }
    }

    @Test func aMalformedDocumentIsRefusedWithItsLine() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let cases: [(arguments: [String], document: Data, message: String)] = [
                ([], Data("fine\n".utf8) + [0xFF, 0xFE] + Data(" bad\n".utf8), "line 2: not valid UTF-8"),
                (["--format", "jsonl", "--field", "body"], Data("{\"body\":\"ok\"}\n{\"body\":\"ok\"}\n[1]\n".utf8), "line 3: not a JSON object"),
                (["--format", "csv", "--column", "body"], Data("id,text\n1,hello\n".utf8), "the CSV header has no column \"body\""),
            ]
            for (arguments, document, message) in cases {
                let path = try JobDocuments.write(document, to: "bad.txt", in: server.dataDirectory)
                let result = try await auraRPC(["submit", path] + arguments, on: server)
                #expect(result.status == 3, "INVALID_ARGUMENT: \(result)")
                #expect(result.stdout.isEmpty, "nothing acknowledged: \(result)")
                #expect(result.stderr.contains("aura-rpc: INVALID_ARGUMENT: the document is refused: \(message)"), "\(result)")
            }
            let jobs = try await auraRPC(["jobs"], on: server)
            #expect(jobs.status == 0 && jobs.stdout.isEmpty, "no job was made: \(jobs)")
        }
    }

    @Test func theSameIdempotencyKeyGivesTheSameJob() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
            let first = try await submitJob(path, ["--idempotency-key", "batch-2026-11-30"], on: server)
            let again = try await auraRPC(["submit", path, "--idempotency-key", "batch-2026-11-30"], on: server)
            #expect(again.status == 0, "\(again)")
            #expect(again.stdout.hasPrefix("job \(first) (submitted before)  32 bytes  sha256 \(JobDocuments.linesSHA256)"), "\(again)")
            let other = try await submitJob(path, ["--idempotency-key", "another"], on: server)
            #expect(other != first)
            let list = try await auraRPC(["jobs"], on: server)
            #expect(list.lines.count == 2, "\(list)")
        }
    }

    /// An upload cut off mid-way (the client killed once part of it is durable) continues with
    /// --resume from the server's durable offset and gives the whole document's SHA-256.
    @Test func anUploadCutOffContinuesWithResume() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let document = JobDocuments.manyLines(30_000)  // about 3 MB: more than one append of chunks
            let path = try JobDocuments.write(document, to: "big.txt", in: server)
            let upload = try RunningCommand(["submit", "-", "--upload-id", "nightly-7", "--addr", server.address])
            upload.write(String(document.prefix(document.utf8.count * 2 / 3)))
            let durable = try await waitForDurableBytes(of: "nightly-7", on: server)
            upload.cutOff()
            let killed = await upload.finish()
            #expect(killed.stdout.isEmpty, "nothing was acknowledged: \(killed)")
            #expect(durable > 0 && durable < document.utf8.count, "\(durable)")

            // The server may still be ending the cut-off Submit (its last append in flight):
            // resume asks for the durable offset again each time.
            var resumed = try await auraRPC(["submit", path, "--resume", "nightly-7", "--json"], on: server)
            for _ in 0..<20 where resumed.status == 10 || resumed.status == 9 {
                resumed = try await auraRPC(["submit", path, "--resume", "nightly-7", "--json"], on: server)
            }
            #expect(resumed.status == 0, "\(resumed)")
            let object = try jsonObject(resumed.stdout)
            #expect(object["bytes"] as? String == String(document.utf8.count), "\(resumed)")
            #expect(object["sha256"] as? String == (try await sha256sum(path)), "\(resumed)")

            // Resuming a completed upload answers its job again, digest included.
            let again = try await auraRPC(["submit", path, "--resume", "nightly-7", "--json"], on: server)
            #expect(try jsonObject(again.stdout)["jobId"] as? String == object["jobId"] as? String, "\(again)")
            #expect(try jsonObject(again.stdout)["sha256"] as? String == object["sha256"] as? String, "\(again)")
            let job = try await jobJSON(try #require(object["jobId"] as? String), on: server)
            #expect(job["recordsTotal"] as? String == "30000", "\(job)")
        }
    }

    /// Polls aura.Jobs/GetUpload until the upload holds durable bytes.
    private func waitForDurableBytes(of uploadID: String, on server: ServerProcess) async throws -> Int {
        for _ in 0..<2_000 {
            let status = try await auraRPC(["call", "aura.Jobs/GetUpload", "{\"uploadId\": \"\(uploadID)\"}"], on: server)
            if status.status == 0, let bytes = (try jsonObject(status.stdout)["durableBytes"] as? String).flatMap(Int.init), bytes > 0 {
                return bytes
            }
        }
        Issue.record("upload \(uploadID) never held durable bytes")
        return 0
    }

    @Test func jobAndResultsShowTheJobAndItsRecords() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
            let jobID = try await submitJob(path, ["--wait"], on: server)

            let job = try await auraRPC(["job", jobID], on: server)
            #expect(job.status == 0, "\(job)")
            #expect(job.lines.first == "\(jobID)  COMPLETED  3/3 records  \(path)", "\(job)")
            #expect(job.lines.contains("document 32 bytes  sha256 \(JobDocuments.linesSHA256)"), "\(job)")
            #expect(job.lines.contains("positive 2  negative 1  neutral 0  mixed 0"), "\(job)")
            let json = try await jobJSON(jobID, on: server)
            #expect(json["state"] as? String == "COMPLETED" && json["recordsDone"] as? String == "3", "\(json)")

            let text = try await auraRPC(["results", jobID], on: server)
            #expect(text.status == 0, "\(text)")
            #expect(text.lines.map { $0.prefix(19) } == ["0  line 1  POSITIVE", "1  line 2  NEGATIVE", "2  line 3  POSITIVE"], "\(text)")

            let csv = try await auraRPC(["results", jobID, "--csv"], on: server)
            #expect(csv.lines.first == "index,line,sentiment,positive,negative,neutral,mixed,compound,language,error", "\(csv)")
            #expect(csv.lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(3).joined(separator: ",") }
                    == ["0,1,POSITIVE", "1,2,NEGATIVE", "2,3,POSITIVE"], "\(csv)")
            #expect(csv.lines.dropFirst().allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == 10 }, "\(csv)")

            let records = try await auraRPC(["results", jobID, "--json"], on: server)
            let objects = try records.lines.map(jsonObject)
            #expect(objects.map { $0["index"] as? String ?? "0" } == ["0", "1", "2"], "\(records)")
            #expect(objects.map { ($0["result"] as? [String: Any])?["sentiment"] as? String } == ["POSITIVE", "NEGATIVE", "POSITIVE"], "\(records)")

            let from = try await auraRPC(["results", jobID, "--from", "2"], on: server)
            #expect(from.lines.count == 1 && from.lines[0].hasPrefix("2  line 3  POSITIVE"), "\(from)")
        }
    }

    @Test func jobsListsByStatusAndCancelOfAnEndedJobIsFailedPrecondition() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
            let first = try await submitJob(path, ["--wait"], on: server)
            let second = try await submitJob(path, ["--wait"], on: server)

            let completed = try await auraRPC(["jobs", "--status", "completed"], on: server)
            #expect(completed.status == 0, "\(completed)")
            #expect(completed.lines.map { String($0.prefix(while: { $0 != " " })) } == [second, first], "newest first: \(completed)")
            #expect(completed.lines.allSatisfy { $0.contains("  COMPLETED  3/3 records") }, "\(completed)")
            let failed = try await auraRPC(["jobs", "--status", "failed"], on: server)
            #expect(failed.status == 0 && failed.stdout.isEmpty, "\(failed)")
            let bad = try await auraRPC(["jobs", "--status", "finished"], on: server)
            #expect(bad.status == 64, "\(bad)")

            let cancel = try await auraRPC(["cancel", first], on: server)
            #expect(cancel.status == 9, "FAILED_PRECONDITION: \(cancel)")
            #expect(cancel.stderr.hasPrefix("aura-rpc: FAILED_PRECONDITION: job \(first) has ended (COMPLETED)"), "\(cancel)")
            let unknown = try await auraRPC(["cancel", "job-0000000000000000"], on: server)
            #expect(unknown.status == 5, "NOT_FOUND: \(unknown)")
        }
    }

    @Test func watchFollowsAJobUntilItEnds() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.manyLines(2_000), to: "reviews.txt", in: server)
            let jobID = try await submitJob(path, on: server)
            let watch = try await auraRPC(["watch", jobID], on: server)
            #expect(watch.status == 0, "\(watch)")
            #expect(watch.lines.last == "\(jobID)  COMPLETED  2000/2000 records  \(path)", "\(watch)")
            #expect(watch.stderr.contains("process [##############################] 100% 2000/2000 records"), "\(watch)")

            let json = try await auraRPC(["watch", jobID, "--json"], on: server)
            let states = try json.lines.map { try jsonObject($0)["state"] as? String }
            #expect(states.last == "COMPLETED", "\(json)")
        }
    }

    /// A job whose records make the analyzer fail ends FAILED and is listed by `dlq list`; the
    /// fixture analyzer fails every text starting with "boom".
    @Test func aFailedJobIsInTheDeadLetterList() async throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let analyzer = try fixtures.analyzer(version: "1.0.0")
        let server = try await ServerProcess.start(pluginFiles: [analyzer])
        defer { server.stop() }
        let path = try JobDocuments.write((0..<20).map { "boom \($0)" }.joined(separator: "\n"), to: "boom.txt", in: server)
        let result = try await auraRPC(["submit", path, "--wait"], on: server)
        #expect(result.status == 10, "ABORTED: the job did not complete: \(result)")
        let jobID = String(try #require(result.lines.first).split(separator: " ")[1])
        #expect(result.lines.last?.hasPrefix("\(jobID)  FAILED  ") == true, "\(result)")
        #expect(result.stderr.contains("aura-rpc: ABORTED: job \(jobID) ended FAILED"), "\(result)")

        let letters = try await auraRPC(["dlq", "list"], on: server)
        #expect(letters.status == 0, "\(letters)")
        #expect(letters.lines.contains { $0.contains("  \(jobID)  aura.Jobs/Submit  INTERNAL  ") }, "\(letters)")
        let failed = try await auraRPC(["jobs", "--status", "failed"], on: server)
        #expect(failed.lines.count == 1 && failed.lines[0].hasPrefix("\(jobID)  FAILED  "), "\(failed)")
    }

    /// On a terminal the bars are redrawn in place: run under a pseudo-terminal with
    /// util-linux's `script` and look at what the terminal got.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script (util-linux)"))
    func onATerminalSubmitDrawsProgressBars() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let path = try JobDocuments.write(JobDocuments.manyLines(500), to: "reviews.txt", in: server)
            let rpc = try Binaries.path(of: "aura-rpc")
            let command = [rpc, "submit", path, "--wait", "--addr", server.address, "--data-dir", server.dataDirectory.path].map { "'\($0)'" }.joined(separator: " ")
            let result = try await runProcess("/usr/bin/script", ["-qec", command, "/dev/null"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.contains("\rupload [####"), "\(result)")
            #expect(result.stdout.contains("\rprocess [####"), "\(result)")
            #expect(result.stdout.contains("] 100% 500/500 records"), "\(result)")
            #expect(result.stdout.contains("\u{1B}[K"), "the rest of the line is cleared: \(result)")
            #expect(result.stdout.contains("COMPLETED  500/500 records"), "\(result)")
        }
    }
}

/// Runs `executable arguments...` to its end (at most `timeout` seconds) with stdin empty.
func runProcess(_ executable: String, _ arguments: [String], timeout: Double = 20) async throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    let start = Date()
    try process.run()
    let stdout = PipeReader(output.fileHandleForReading)
    let stderr = PipeReader(errors.fileHandleForReading)
    let exited = await onOwnThread { waitForExit(process, timeout: timeout) }
    if !exited {
        kill(process.processIdentifier, SIGKILL)
        _ = await onOwnThread { waitForExit(process, timeout: 2) }
    }
    _ = stdout.waitForEnd(timeout: 2)
    _ = stderr.waitForEnd(timeout: 2)
    return CommandResult(
        status: process.terminationStatus, stdout: stdout.text, stderr: stderr.text, elapsed: Date().timeIntervalSince(start),
        timedOut: !exited)
}
