import AuraMessages
import Foundation

/// `aura-rpc redact TEXT|-`: aura.Privacy/Redact, printing the redacted text.
struct RedactCommand {
    let invocation: Invocation

    func run() async throws {
        let text = try invocation.textOperand(usage: .redact)
        let options = invocation.parsed.options
        let request = RedactRequest(
            text: text, mode: try mode(), maskCharacter: options["mask-char"] ?? "", types: types(),
            redactor: options["redactor"] ?? "")
        let response = try await invocation.unary("aura.Privacy/Redact", request, as: RedactResponse.self)
        if invocation.json {
            try Output.json(response, responseOf: "aura.Privacy/Redact")
        } else {
            Output.line(response.redactedText)
        }
    }

    /// The mode --mode names; --mask-char alone means mask.
    private func mode() throws(CLIFailure) -> RedactionMode {
        let options = invocation.parsed.options
        switch options["mode"] {
        case nil: return options["mask-char"] == nil ? .replaceWithType : .mask
        case "replace": return .replaceWithType
        case "mask": return .mask
        case "hash": return .hash
        case let other?: throw .usage("--mode must be replace, mask or hash, got \"\(other)\"", topic: .redact)
        }
    }

    /// The entity types --types lists, e.g. "email, PHONE" -> ["EMAIL", "PHONE"]; empty: all.
    private func types() -> [String] {
        guard let list = invocation.parsed.options["types"] else { return [] }
        return list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }.filter { !$0.isEmpty }
    }
}
