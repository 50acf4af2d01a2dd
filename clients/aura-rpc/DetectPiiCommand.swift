import AuraMessages

/// `aura-rpc detect-pii TEXT|-`: aura.Privacy/DetectPii, one line per entity found.
struct DetectPiiCommand {
    let invocation: Invocation

    func run() async throws {
        let text = try invocation.textOperand(usage: .detectPii)
        let request = DetectPiiRequest(text: text, redactor: invocation.parsed.options["redactor"] ?? "")
        let response = try await invocation.unary("aura.Privacy/DetectPii", request, as: DetectPiiResponse.self)
        if invocation.json { return try Output.json(response, responseOf: "aura.Privacy/DetectPii") }
        let scalars = Array(text.unicodeScalars)
        for entity in response.entities { Output.line(entity.line(in: scalars)) }
    }
}

extension PiiEntity {
    /// `TYPE begin-end score "matched text"`, e.g. `EMAIL 7-22 0.95 "bob@example.com"`. The
    /// offsets count Unicode scalars of the text the entity was found in, `scalars`; offsets
    /// that fall outside it (a server bug) show `(outside the text)` instead of a slice.
    func line(in scalars: [Unicode.Scalar]) -> String {
        let head = "\(type) \(beginOffset)-\(endOffset) \(Output.decimal(score))"
        guard beginOffset <= endOffset, endOffset <= scalars.count else { return head + " (outside the text)" }
        var matched = String.UnicodeScalarView()
        matched.append(contentsOf: scalars[Int(beginOffset)..<Int(endOffset)])
        return head + " " + Output.jsonQuoted(String(matched))
    }
}
