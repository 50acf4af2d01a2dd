import AuraMessages
import AuraWire
import Foundation

/// `aura-rpc dlq list [--limit N]`: aura.DeadLetters/List, the most recent failed requests,
/// newest first.
struct DeadLettersCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands == ["list"] else {
            throw CLIFailure.usage("dlq takes one action: list", topic: .dlq)
        }
        let limit: Int
        do {
            limit = try invocation.parsed.integer("limit", default: 0, range: 0...Int(UInt32.max))
        } catch {
            throw CLIFailure.usage(error.description, topic: .dlq)
        }
        let request = ListDeadLettersRequest(limit: UInt32(limit))
        let list = try await invocation.unary("aura.DeadLetters/List", request, as: DeadLetterList.self)
        if invocation.json { return try Output.json(list, responseOf: "aura.DeadLetters/List") }
        let times = ISO8601DateFormatter()
        times.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        for letter in list.letters { Output.line(letter.line(times: times)) }
    }
}

extension DeadLetter {
    /// `time  request-id  method  CODE_NAME  error`, the time in ISO-8601 UTC, then the text
    /// as a JSON string when the server keeps texts (`--dlq-keep-text`).
    func line(times: ISO8601DateFormatter) -> String {
        let time = times.string(from: Date(timeIntervalSince1970: Double(timeUnixMs) / 1000))
        let fields = [time, requestId, method, StatusCode(number: code).name, error]
        return fields.joined(separator: "  ") + (text.isEmpty ? "" : "  text " + Output.jsonQuoted(text))
    }
}
