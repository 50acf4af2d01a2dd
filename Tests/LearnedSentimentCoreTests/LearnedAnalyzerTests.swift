import LearnedSentimentCore
import LexiconSentimentCore
import Testing

/// The shipped model, loaded once from the source tree.
enum ShippedModel {
    static let path = String(#filePath.dropLast("Tests/LearnedSentimentCoreTests/LearnedAnalyzerTests.swift".count))
        + "Plugins/LearnedSentiment/Plugin/learned-sentiment.model"
    static let analyzer: Result<LearnedAnalyzer, ModelError> = Result { () throws(ModelError) in
        LearnedAnalyzer(model: try LearnedModel(path: path))
    }
}

@Suite struct LearnedAnalyzerTests {
    let analyzer: LearnedAnalyzer

    init() throws { analyzer = try ShippedModel.analyzer.get() }

    @Test(arguments: [
        ("This is a wonderful movie, I loved every minute of it!", SentimentLabel.positive),
        ("Absolutely fantastic service, highly recommended.", .positive),
        ("Terrible product. It broke after two days and support ignored me.", .negative),
        ("The worst meal I have ever had, cold and tasteless.", .negative),
        ("The train leaves at 9 am from platform 4.", .neutral),
    ])
    func knownTexts(text: String, label: SentimentLabel) {
        #expect(analyzer.analyze(text).label == label)
    }

    @Test func negationFlipsTheVerdict() {
        #expect(analyzer.analyze("I love this phone").compound > 0)
        #expect(analyzer.analyze("I do not love this phone, it is not good").compound < 0)
    }

    @Test func otherLanguagesAreNeutralAsInTheLexiconAnalyzer() {
        let r = analyzer.analyze("Der Film war wirklich sehr schlecht und langweilig, leider.")
        #expect(r.language == "de")
        #expect(r.label == .neutral && r.neutral == 1 && r.compound == 0)
        #expect(analyzer.analyze("terrible", languageHint: "fr").label == .neutral)
    }

    @Test func emojiOnlyTextsAreScored() {
        #expect(analyzer.analyze("😡😡👎").compound < 0)
    }

    @Test func scoresAreProbabilities() {
        for text in ["good", "bad", "", " ", "The food was great but the service was awful.", String(repeating: "ok ", count: 2000)] {
            let r = analyzer.analyze(text)
            let sum = r.positive + r.negative + r.neutral + r.mixed
            #expect(abs(sum - 1) < 1e-4, "\(text.prefix(20))")
            let finite = [r.positive, r.negative, r.neutral, r.mixed, r.compound].allSatisfy { $0.isFinite }
            #expect(finite)
            #expect((-1...1).contains(r.compound))
        }
    }

    @Test func anyBytesAreSafe() {
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        for _ in 0..<2_000 {
            let bytes = (0..<Int(next() % 200)).map { _ in UInt8(truncatingIfNeeded: next()) }
            let r = bytes.withUnsafeBytes { analyzer.analyze($0) }
            #expect(r.positive.isFinite && r.negative.isFinite && r.neutral.isFinite && r.mixed.isFinite)
        }
    }
}
