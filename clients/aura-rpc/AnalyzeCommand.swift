import AuraMessages

/// `aura-rpc analyze TEXT|-`: aura.Sentiment/Analyze for one text, or with `-` one
/// aura.Sentiment/AnalyzeStream session fed by the lines of standard input.
struct AnalyzeCommand {
    let invocation: Invocation

    func run() async throws {
        let options = AnalyzeOptions(
            languageHint: invocation.parsed.options["language"] ?? "",
            redactPii: invocation.parsed.flags.contains("redact"),
            analyzer: invocation.parsed.options["analyzer"] ?? "",
            redactor: invocation.parsed.options["redactor"] ?? "")
        if invocation.operands == ["-"] {
            return try await AnalyzeSession(invocation: invocation, options: options).run()
        }
        let text = try invocation.textOperand(usage: .analyze)
        let result = try await invocation.unary(
            "aura.Sentiment/Analyze", AnalyzeRequest(text: text, options: options), as: SentimentResult.self)
        if invocation.json {
            try Output.json(result, responseOf: "aura.Sentiment/Analyze")
        } else {
            Output.line(result.summary)
        }
    }
}

extension SentimentResult {
    /// The result on one line, e.g. `POSITIVE  (positive 0.91 negative 0.02 neutral 0.07 mixed
    /// 0.00, compound 0.84)  en  lexicon-sentiment@1.0.0 [cached]`, followed when the text was
    /// redacted first by `  redacted by pattern-redactor@1.0.0: EMAIL 7-22` (what was found,
    /// as scalar offsets; "nothing found" when nothing was).
    var summary: String {
        let scores = [
            ("positive", self.scores.positive), ("negative", self.scores.negative), ("neutral", self.scores.neutral),
            ("mixed", self.scores.mixed),
        ]
        let scoreText = scores.map { "\($0) \(Output.decimal($1))" }.joined(separator: " ")
        var line = "\(sentiment.name ?? "SENTIMENT_\(sentiment.rawValue)")  (\(scoreText), compound \(Output.decimal(compound)))  \(language)  \(analyzer)"
        if cached { line += " [cached]" }
        if !redactor.isEmpty {
            let found = redactions.map { "\($0.type) \($0.beginOffset)-\($0.endOffset)" }
            line += "  redacted by \(redactor): " + (found.isEmpty ? "nothing found" : found.joined(separator: ", "))
        }
        return line
    }
}
