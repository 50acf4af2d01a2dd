import AuraClient
import AuraMessages
import AuraPosix
import AuraWire

/// `aura-rpc submit FILE|-`: aura.Jobs/Submit of a document, with a progress bar for the
/// upload (and, with --wait, for the processing); `--resume UPLOAD_ID` continues a cut-off one.
struct SubmitCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.count == 1, let path = invocation.operands.first else {
            throw CLIFailure.usage("submit takes one FILE (or - for stdin)", topic: .submit)
        }
        let options = invocation.parsed.options
        let size: UInt64?
        do {
            size = try ReadableFile.size(of: path)
        } catch {
            throw CLIFailure.usage("cannot read \(path): \(error.reason)", topic: .submit)
        }
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        let bar = invocation.json ? nil : ProgressBar(label: "upload", total: size)
        let progress: @Sendable (UInt64) -> Void = { bar?.update($0, unit: "bytes") }
        let response: SubmitResponse
        if let uploadID = options["resume"] {
            response = try await client.resumeSubmit(uploadID: uploadID, file: path, progress: progress, options: invocation.callOptions)
        } else {
            var spec = try jobSpec()
            spec.expectedBytes = size ?? 0
            response = try await client.submit(spec, file: path, progress: progress, options: invocation.callOptions)
        }
        bar?.finish()
        if invocation.json {
            Output.line(Output.jsonObject(["jobId": response.jobId, "bytes": String(response.bytes), "sha256": response.sha256]))
        } else {
            Output.line("job \(response.jobId)\(response.existing ? " (submitted before)" : "")  \(response.bytes) bytes  sha256 \(response.sha256)")
        }
        guard invocation.parsed.flags.contains("wait") else { return }
        let job = try await JobProgress(client: client, invocation: invocation).follow(response.jobId)
        if !invocation.json { Output.line(job.summaryLine) }
        guard job.state == .completed else { throw RPCError(.aborted, "job \(job.jobId) ended \(job.state.name ?? "?"): \(job.error)") }
    }

    /// The spec from the options: --format (lines by default), --column, --field, --redact,
    /// --language, --analyzer, --redactor, --name, --idempotency-key, --upload-id.
    private func jobSpec() throws(CLIFailure) -> JobSpec {
        let options = invocation.parsed.options
        var spec = JobSpec(name: options["name"] ?? invocation.operands[0])
        switch options["format"] ?? "lines" {
        case "text": spec.format = .text
        case "lines": spec.format = .lines
        case "csv":
            guard let column = options["column"] else { throw .usage("--format csv needs --column NAME", topic: .submit) }
            spec.format = .csv
            spec.csvColumn = column
        case "jsonl":
            guard let field = options["field"] else { throw .usage("--format jsonl needs --field NAME", topic: .submit) }
            spec.format = .jsonl
            spec.jsonlField = field
        case let other:
            throw .usage("--format takes text, lines, csv or jsonl, got \"\(other)\"", topic: .submit)
        }
        spec.options = AnalyzeOptions(
            languageHint: options["language"] ?? "", redactPii: invocation.parsed.flags.contains("redact"),
            analyzer: options["analyzer"] ?? "", redactor: options["redactor"] ?? "")
        spec.idempotencyKey = options["idempotency-key"] ?? ""
        spec.uploadId = options["upload-id"] ?? ""
        return spec
    }
}

/// Follows a job with aura.Jobs/Watch until it ends, drawing a bar of records done.
struct JobProgress {
    let client: AuraClient
    let invocation: Invocation

    /// The job once it has ended.
    func follow(_ jobID: String) async throws -> Job {
        var bar: ProgressBar?
        var last: Job?
        for try await job in try await client.watch(jobID, options: CallOptions(metadata: invocation.metadata)) {
            if !invocation.json {
                if bar == nil { bar = ProgressBar(label: "process", total: job.recordsTotal) }
                bar?.update(job.recordsDone, unit: "records")
            }
            last = job
        }
        bar?.finish()
        guard let last else { throw RPCError(.internal, "the server ended the watch of \(jobID) without a state") }
        return last
    }
}
