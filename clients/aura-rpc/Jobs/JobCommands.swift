import AuraClient
import AuraMessages
import AuraWire
import Foundation

/// `aura-rpc job ID`, `jobs [--status S] [--limit N]`, `cancel ID` and `watch ID`: a job's
/// state, the list of jobs, cancelling one, following one.
struct JobCommands {
    let invocation: Invocation

    func job() async throws {
        let jobID = try onlyOperand(topic: .job)
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        let job = try await client.job(jobID, options: invocation.callOptions)
        if invocation.json { return try Output.json(job, responseOf: "aura.Jobs/Get") }
        Output.line(job.summaryLine)
        Output.line(job.detailLines)
    }

    func jobs() async throws {
        guard invocation.operands.isEmpty else { throw CLIFailure.usage("jobs takes no operand", topic: .jobs) }
        var state = JobState.jobStateUnspecified
        if let name = invocation.parsed.options["status"] {
            guard let known = [JobState.pending, .processing, .completed, .failed, .cancelled].first(where: { $0.name == name.uppercased() }) else {
                throw CLIFailure.usage("--status takes pending, processing, completed, failed or cancelled, got \"\(name)\"", topic: .jobs)
            }
            state = known
        }
        let limit: Int
        do {
            limit = try invocation.parsed.integer("limit", default: 100, range: 1...1_000)
        } catch {
            throw CLIFailure.usage(error.description, topic: .jobs)
        }
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        let list = try await client.jobs(state: state, pageSize: UInt32(limit), options: invocation.callOptions)
        if invocation.json { return try Output.json(list, responseOf: "aura.Jobs/List") }
        for job in list.jobs { Output.line(job.summaryLine) }
    }

    func cancel() async throws {
        let jobID = try onlyOperand(topic: .cancel)
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        let job = try await client.cancel(jobID, options: invocation.callOptions)
        if invocation.json { return try Output.json(job, responseOf: "aura.Jobs/Cancel") }
        Output.line(job.summaryLine)
    }

    func watch() async throws {
        let jobID = try onlyOperand(topic: .watch)
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        if invocation.json {
            for try await job in try await client.watch(jobID, options: invocation.callOptions) {
                try Output.json(job, responseOf: "aura.Jobs/Watch")
            }
        } else {
            Output.line(try await JobProgress(client: client, invocation: invocation).follow(jobID).summaryLine)
        }
    }

    private func onlyOperand(topic: HelpTopic) throws(CLIFailure) -> String {
        guard invocation.operands.count == 1 else { throw .usage("\(topic.rawValue) takes one job id", topic: topic) }
        return invocation.operands[0]
    }
}

extension Job {
    /// `job-1f2e...  COMPLETED  1200/1200 records (3 failed)  reviews.csv`
    var summaryLine: String {
        var line = "\(jobId)  \(state.name ?? "STATE_\(state.rawValue)")  \(recordsDone)/\(recordsTotal) records"
        if recordsFailed > 0 { line += " (\(recordsFailed) failed)" }
        if !name.isEmpty { line += "  \(name)" }
        if !error.isEmpty { line += "  error: \(error)" }
        return line
    }

    /// The times, the document and the summary, a line each.
    var detailLines: String {
        let times = ISO8601DateFormatter()
        func time(_ ms: Int64) -> String { ms == 0 ? "-" : times.string(from: Date(timeIntervalSince1970: Double(ms) / 1000)) }
        let mean = summary.meanScores
        return """
            created \(time(createdUnixMs))  started \(time(startedUnixMs))  ended \(time(completedUnixMs))
            document \(bytes) bytes  sha256 \(sha256)
            positive \(summary.positive)  negative \(summary.negative)  neutral \(summary.neutral)  mixed \(summary.mixed)
            mean scores: positive \(Output.decimal(mean.positive)) negative \(Output.decimal(mean.negative)) neutral \(Output.decimal(mean.neutral)) mixed \(Output.decimal(mean.mixed)), compound \(Output.decimal(summary.meanCompound))
            languages: \(summary.languages.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
            """
    }
}
