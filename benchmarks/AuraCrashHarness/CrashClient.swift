import AuraBytes
import AuraClient
import AuraCore
import AuraMessages
import Synchronization

/// One harness client: uploads documents as jobs (plain, with an idempotency key, or as a
/// resumable upload that it may cut off itself), keeps at it across kills until each upload is
/// acknowledged, then follows the job to its end and checks it against the clean run.
struct CrashClient {
    /// How a document is submitted.
    enum Mode: CaseIterable {
        /// A new job each time: an upload a kill cuts off is simply not acknowledged.
        case plain
        /// An idempotency key (and an upload id): repeated until acknowledged, and once more after.
        case keyed
        /// An upload id: continued with ResumeUpload after a kill, or after the client cut it.
        case resumable
    }

    let index: Int
    let documents: [CrashDocument]
    let cleanResults: [[RecordResult]]
    let slot: ServerSlot
    let trigger: KillTrigger
    let report: ReportBox
    let stopping: Flag
    var dice: Dice

    /// Submits and checks jobs until the harness says stop.
    mutating func run() async {
        var serial = 0
        while !stopping.isSet {
            serial += 1
            let document = documents[dice.int(in: 0...documents.count - 1)]
            let mode = Mode.allCases[dice.int(in: 0...Mode.allCases.count - 1)]
            guard let jobID = await submit(document, mode: mode, serial: serial) else { continue }
            await check(jobID, document)
        }
    }

    // MARK: Submit

    private mutating func submit(_ document: CrashDocument, mode: Mode, serial: Int) async -> String? {
        var spec = document.spec
        let name = "c\(index)-\(serial)"
        if mode != .plain { spec.uploadId = "up-" + name }
        if mode == .keyed { spec.idempotencyKey = "key-" + name }
        let chunkSize = dice.int(in: 4...64) << 10
        var cutAt: UInt64? = mode == .resumable && dice.chance(0.5) ? UInt64(dice.int(in: 1...Int(document.bytes))) : nil
        var resume = false
        for _ in 0..<500 {
            let (client, generation) = await slot.client(index)
            do {
                let response: SubmitResponse
                if resume {
                    response = try await client.resumeSubmit(
                        uploadID: spec.uploadId, file: document.path, chunkSize: chunkSize, progress: progress(document))
                    report.update { $0.resumedUploads += 1 }
                } else {
                    let chunks = FileSlices(path: document.path, chunkSize: chunkSize, cutAt: cutAt)
                    response = try await client.submit(spec, document: chunks, progress: progress(document))
                }
                guard accept(response, document) else { return nil }
                if mode == .keyed { await repeatKey(spec, of: response.jobId) }
                return response.jobId
            } catch is ClientCut {
                cutAt = nil
                resume = true
            } catch let error as RPCError where error.code == .notFound && resume {
                resume = false  // the upload's first record never became durable: start over
            } catch let error as RPCError where [.aborted, .failedPrecondition, .alreadyExists].contains(error.code) && mode != .plain {
                // The server is still taking the Submit we cut (ABORTED; ALREADY_EXISTS when its
                // first record landed after we asked for the upload), or its last append landed
                // after we asked where to resume: ask again.
                resume = true
                try? await Task.sleep(for: .milliseconds(20))  // a retry pause, not a synchronization
            } catch {
                guard await !slot.isCurrent(generation) else {
                    report.violation("\(name): Submit of document \(document.index) failed on a running server: \(error)")
                    return nil
                }
                report.update { $0.submitsCut += 1 }
                if mode == .plain { return nil }
                resume = mode == .resumable || resume
                // A keyed upload is sent again with its key: the server answers with the job, or
                // says the upload is in progress (ABORTED), and we resume it.
            }
        }
        report.violation("\(name): document \(document.index) was never acknowledged in 500 tries")
        return nil
    }

    private func progress(_ document: CrashDocument) -> @Sendable (UInt64) -> Void {
        { [trigger] sent in if sent < document.bytes { trigger.fire(.ingest) } }
    }

    /// Checks a SubmitResponse against the document; false (and a violation) when it differs.
    private func accept(_ response: SubmitResponse, _ document: CrashDocument) -> Bool {
        guard response.bytes == document.bytes, response.sha256.isEmpty || response.sha256 == document.sha256 else {
            report.violation("job \(response.jobId) acknowledged \(response.bytes) bytes, SHA-256 \(response.sha256); document \(document.index) has \(document.bytes), \(document.sha256)")
            return false
        }
        report.update { $0.acknowledged += 1 }
        return true
    }

    /// Submits `spec`'s idempotency key again (no document): the answer must be the same job.
    private func repeatKey(_ spec: JobSpec, of jobID: String) async {
        for _ in 0..<100 {
            let (client, generation) = await slot.client(index)
            do {
                let response = try await client.submit(spec, document: FileSlices.empty)
                guard response.jobId == jobID, response.existing else {
                    report.violation("idempotency key \(spec.idempotencyKey) answered job \(response.jobId) (existing: \(response.existing)), acknowledged before as \(jobID)")
                    return
                }
                report.update { $0.idempotentRepeats += 1 }
                return
            } catch {
                guard await !slot.isCurrent(generation) else {
                    report.violation("repeating idempotency key \(spec.idempotencyKey) failed: \(error)")
                    return
                }
            }
        }
    }

    // MARK: Check

    /// Follows an acknowledged job to its end (across kills) and checks it: the size and digest,
    /// COMPLETED, and every result equal to the clean run's, each index once.
    private func check(_ jobID: String, _ document: CrashDocument) async {
        for _ in 0..<1000 {
            let (client, generation) = await slot.client(index)
            do {
                var job = try await client.job(jobID)
                guard job.bytes == document.bytes, job.sha256 == document.sha256 else {
                    report.violation("job \(jobID) holds \(job.bytes) bytes, SHA-256 \(job.sha256); document \(document.index) has \(document.bytes), \(document.sha256)")
                    return
                }
                if !job.state.isTerminal {
                    for try await update in try await client.watch(jobID) {
                        job = update
                        if update.state == .processing { trigger.fire(.processing) }
                    }
                }
                guard job.state.isTerminal else {
                    if await slot.isCurrent(generation) { report.violation("watching job \(jobID) ended while it was \(job.state)") }
                    continue
                }
                guard job.state == .completed else {
                    report.violation("job \(jobID) (document \(document.index)) ended \(job.state): \(job.error)")
                    return
                }
                var results: [RecordResult] = []
                for try await result in try await client.results(jobID) { results.append(result) }
                if let difference = Self.difference(results, cleanResults[document.index]) {
                    report.violation("job \(jobID) (document \(document.index)): \(difference)")
                } else {
                    report.update { $0.verified += 1 }
                }
                return
            } catch {
                guard await !slot.isCurrent(generation) else {
                    report.violation("job \(jobID) (document \(document.index)), acknowledged: \(error)")
                    return
                }
            }
        }
        report.violation("job \(jobID) could not be checked in 1000 tries")
    }

    /// How `results` differ from the clean run's, or nil: same count, index i at position i,
    /// same line, error, sentiment and scores.
    static func difference(_ results: [RecordResult], _ clean: [RecordResult]) -> String? {
        for (position, (result, expected)) in zip(results, clean).enumerated() {
            guard result.index == UInt64(position) else { return "result \(position) has index \(result.index) (an index missing or repeated)" }
            let same = result.line == expected.line && result.error.code == expected.error.code
                && result.result.sentiment == expected.result.sentiment && result.result.scores == expected.result.scores
                && result.result.compound == expected.result.compound
            guard same else { return "result \(position) differs from the clean run's: \(result) vs \(expected)" }
        }
        guard results.count == clean.count else { return "\(results.count) results; the clean run has \(clean.count)" }
        return nil
    }
}

extension JobState {
    /// Whether the job has ended.
    var isTerminal: Bool { self == .completed || self == .failed || self == .cancelled }
}
