import AuraClient
import AuraMessages
import AuraWire
import Foundation

/// `aura-rpc results ID [--from N] [--csv | --json]`: aura.Jobs/Results, one record a line.
struct ResultsCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.count == 1 else { throw CLIFailure.usage("results takes one job id", topic: .results) }
        let from: Int
        do {
            from = try invocation.parsed.integer("from", default: 0, range: 0...Int.max)
        } catch {
            throw CLIFailure.usage(error.description, topic: .results)
        }
        let csv = invocation.parsed.flags.contains("csv")
        guard !(csv && invocation.json) else { throw CLIFailure.usage("--csv and --json exclude each other", topic: .results) }
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        if csv { Output.line("index,line,sentiment,positive,negative,neutral,mixed,compound,language,error") }
        for try await record in try await client.results(invocation.operands[0], from: UInt64(from), options: invocation.callOptions) {
            if invocation.json {
                try Output.json(record, responseOf: "aura.Jobs/Results")
            } else {
                Output.line(csv ? record.csvLine : record.textLine)
            }
        }
    }
}

extension RecordResult {
    /// `17  line 18  POSITIVE  (positive 0.91 ...)  en`, or the record's error.
    var textLine: String {
        if error.code != 0 { return "\(index)  line \(line)  \(StatusCode(number: error.code).name): \(error.message)" }
        return "\(index)  line \(line)  \(result.summary)"
    }

    /// The record as a CSV row under `results --csv`'s header.
    var csvLine: String {
        let scores = result.scores
        let fields: [String] = error.code != 0
            ? [String(index), String(line), "", "", "", "", "", "", "", Self.csvQuoted("\(StatusCode(number: error.code).name): \(error.message)")]
            : [String(index), String(line), result.sentiment.name ?? "", Output.decimal(scores.positive), Output.decimal(scores.negative),
               Output.decimal(scores.neutral), Output.decimal(scores.mixed), Output.decimal(result.compound), result.language, ""]
        return fields.joined(separator: ",")
    }

    private static func csvQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
