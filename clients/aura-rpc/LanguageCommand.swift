import AuraMessages

/// `aura-rpc language TEXT|-`: aura.Language/Detect, printing `es  0.75  lexicon-sentiment@1.0.0`
/// (the ISO 639-1 code or "und", the confidence, the analyzer that decided).
struct LanguageCommand {
    let invocation: Invocation

    func run() async throws {
        let text = try invocation.textOperand(usage: .language)
        let response = try await invocation.unary(
            "aura.Language/Detect", DetectLanguageRequest(text: text), as: DetectLanguageResponse.self)
        if invocation.json {
            try Output.json(response, responseOf: "aura.Language/Detect")
        } else {
            Output.line("\(response.language)  \(Output.decimal(response.score))  \(response.analyzer)")
        }
    }
}
