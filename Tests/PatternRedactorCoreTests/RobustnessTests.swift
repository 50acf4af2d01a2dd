import PatternRedactorCore
import Testing
import TestSupport

/// Any input is accepted: empty, invalid UTF-8, random bytes, dense trigger characters.
@Suite("Robustness") struct RobustnessTests {
    @Test("empty input")
    func empty() {
        #expect(PIIDetector().detect("") == [])
        #expect(PIIDetector().detect(UnsafeRawBufferPointer(start: nil, count: 0)) == [])
    }

    @Test("lone trigger characters at the edges", arguments: [
        "@", "+", "(", ":", "::", "a@", "@b", "+1", "(4", "1", "A", "h", "www.", "http://", "AKIA", "DE89", "x@y.",
        "aws_secret_access_key=", "ghp_", "\u{0}", "1.", "1.2.3.", "4111 ", "(415) 555-", "+44 ",
    ])
    func edges(text: String) {
        #expect(PIIDetector().detect(text).allSatisfy { $0.begin < $0.end })
    }

    @Test("random bytes never crash and give sorted, disjoint, in-range entities")
    func randomBytes() {
        var random = SplitMix64(seed: 7)
        let alphabet = Array("0123456789@+-.:() /#aAkKIxX_wWhHtps\u{e9}".utf8) + [0xFF, 0xC3, 0xF0, 0x9F, 0x80]
        let detector = PIIDetector()
        for round in 0..<3000 {
            let length = Int.random(in: 0...120, using: &random)
            let bytes = (0..<length).map { _ in
                round.isMultiple(of: 2) ? UInt8.random(in: 0...255, using: &random) : alphabet.randomElement(using: &random)!
            }
            let found = detect(bytes: bytes, detector: detector)
            let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars.count
            for entity in found {
                #expect(entity.begin >= 0 && entity.begin < entity.end && entity.end <= scalars)
            }
            for (previous, next) in zip(found, found.dropFirst()) {
                #expect(previous.end <= next.begin)
            }
        }
    }

    /// Long inputs built to make a careless scanner rescan, by name (so test logs stay short).
    static func adversarial(_ name: String) -> String {
        switch name {
        case "URL + closing parens": "http://x.io/" + String(repeating: ")", count: 200_000)
        case "chained a@b.": String(repeating: "a@b.", count: 50_000)
        case "long local part": String(repeating: "a", count: 200_000) + "@example.com"
        case "dotted digits": String(repeating: "1.", count: 100_000)
        case "plus one": String(repeating: "+1 ", count: 70_000)
        case "colon digits": String(repeating: "1:", count: 100_000)
        case "card groups": String(repeating: "4111 ", count: 40_000)
        case "www + labels": "www." + String(repeating: "a.", count: 100_000) + "com"
        case "www chain": String(repeating: "www.", count: 100_000) + "1"
        case "e-mail chain": String(repeating: "a@a.", count: 100_000) + "1"
        default: String(repeating: "aws_secret_access_key=", count: 10_000)
        }
    }

    @Test("inputs built to trigger long scans stay linear", .timeLimit(.minutes(1)), arguments: [
        "URL + closing parens", "chained a@b.", "long local part", "dotted digits", "plus one", "colon digits",
        "card groups", "www + labels", "www chain", "e-mail chain", "secret keywords",
    ])
    func linear(name: String) {
        _ = PIIDetector().detect(Self.adversarial(name))
    }

    @Test("a large text of trigger characters")
    func dense() {
        let text = String(repeating: "1.2.3.4.5 @@ ++1 ((415) ::: AKIA ", count: 2000)
        #expect(PIIDetector().detect(text).count < 10_000)
    }
}
