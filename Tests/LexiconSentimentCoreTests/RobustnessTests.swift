import Testing
import TestSupport
@testable import LexiconSentimentCore

/// Any byte string is safe to analyze, and results always keep their invariants.
@Suite struct RobustnessTests {
    let analyzer = SentimentAnalyzer()

    func analyze(_ bytes: [UInt8]) -> SentimentResult {
        bytes.withUnsafeBytes { analyzer.analyze($0) }
    }

    func checkInvariants(_ r: SentimentResult, _ context: String) {
        #expect(abs(r.positive + r.negative + r.neutral + r.mixed - 1) < 1e-9, "\(context)")
        #expect([r.positive, r.negative, r.neutral, r.mixed].allSatisfy { $0 >= 0 && $0 <= 1 }, "\(context)")
        #expect((-1...1).contains(r.compound), "\(context)")
        #expect((0...1).contains(r.languageScore), "\(context)")
        #expect(!r.language.isEmpty && r.language.utf8.count < 16, "\(context)")
    }

    @Test func emptyText() {
        let r = analyzer.analyze(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(r.label == .neutral && r.neutral == 1 && r.language == "und" && r.languageScore == 0)
        #expect(analyzer.analyze("") == r)
        #expect(analyzer.analyze("   \n\t ").label == .neutral)
        #expect(analyzer.analyze("!!!???...,,,").label == .neutral)
    }

    @Test(arguments: [
        [0xff, 0xfe, 0xc3],                          // invalid lead bytes, truncated sequence
        [0xf0, 0x9f, 0x98],                          // truncated emoji
        [0xc0, 0xaf, 0x67, 0x6f, 0x6f, 0x64],        // overlong "/" then "good"
        [0xed, 0xa0, 0x80, 0x20, 0x67, 0x6f, 0x6f, 0x64],  // UTF-16 surrogate then " good"
        Array("good\u{0}bad\u{0}".utf8),             // NUL bytes
        Array("great".utf8) + [0x80, 0x80, 0x80] + Array(" day!".utf8),
    ] as [[UInt8]])
    func invalidUTF8IsSafe(_ bytes: [UInt8]) {
        checkInvariants(analyze(bytes), "\(bytes)")
    }

    @Test func invalidBytesDoNotHideEnglish() {
        let r = analyze(Array("What a great day, I love it!".utf8) + [0xff])
        #expect(r.language == "en" && r.label == .positive)
    }

    @Test func longWordsAndLongTexts() {
        checkInvariants(analyzer.analyze(String(repeating: "a", count: 10_000)), "long word")
        checkInvariants(analyzer.analyze(String(repeating: "very-", count: 2_000) + "good"), "long hyphenated word")
        let long = String(repeating: "The food was great but the service was slow. ", count: 5_000)
        let r = analyzer.analyze(long)
        checkInvariants(r, "long text")
        #expect(r.language == "en")
    }

    @Test func randomBytesKeepInvariants() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("abc XYZ!?.,:;'’-😀❤️ é ñ <3 :) not very but".utf8)
        for round in 0..<3_000 {
            let count = Int.random(in: 0..<160, using: &rng)
            let bytes: [UInt8] = (0..<count).map { _ in
                round % 2 == 0 ? UInt8.random(in: 0...255, using: &rng) : alphabet.randomElement(using: &rng)!
            }
            checkInvariants(analyze(bytes), "\(bytes)")
        }
    }

    @Test func analyzerIsSafeToShareAcrossThreads() async {
        let analyzer = self.analyzer
        let expected = analyzer.analyze("The food was great but the service was awful.")
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<500).allSatisfy { _ in analyzer.analyze("The food was great but the service was awful.") == expected }
                }
            }
            for await same in group { #expect(same) }
        }
    }
}
