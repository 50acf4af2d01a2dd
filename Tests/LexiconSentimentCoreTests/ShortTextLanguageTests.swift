import Testing
@testable import LexiconSentimentCore

/// The English prior and the abstention on short texts (`LanguagePolicy`).
@Suite struct ShortTextLanguageTests {
    let analyzer = SentimentAnalyzer()

    @Test func badMovieIsNegativeEnglish() {
        let r = analyzer.analyze("bad movie")
        #expect(r.language == "en" && r.label == .negative)
        // Without the policy the trigrams call it Spanish, and the sentiment is lost.
        let before = SentimentAnalyzer(labeling: .standard, languagePolicy: .none).analyze("bad movie")
        #expect(before.language == "es" && before.label == .neutral)
    }

    @Test(arguments: ["bad movie", "awful", "nice", "meh", "terrible", "delicious", "disappointing", "great service",
                      "not worth it", "so cute", "rude staff", "love it", "never again"])
    func shortEnglishKeepsItsSentiment(_ text: String) {
        let r = analyzer.analyze(text)
        let english = analyzer.analyze(text, languageHint: "en")
        #expect(english.label != .neutral, "\(text) has sentiment in English")
        #expect(r.label == english.label && r.compound == english.compound, "\(text): \(r.language)")
        #expect(r.language == "en" || r.language == "und", "\(text): \(r.language)")
    }

    @Test func aWeakGuessOnAShortTextAbstains() {
        let r = analyzer.analyze("me encanta")
        #expect(r.language == "und" && r.languageScore == LanguageIdentifier.undeterminedScore)
        #expect(r.label == .neutral && r.compound == 0)  // no English word, no sentiment
        var policy = LanguagePolicy()
        policy.abstainLanguage = "en"
        #expect(SentimentAnalyzer(labeling: .standard, languagePolicy: policy).analyze("me encanta").language == "en")
        policy.abstainBelow = 0
        #expect(SentimentAnalyzer(labeling: .standard, languagePolicy: policy).analyze("me encanta").language == "es")
    }

    @Test(arguments: [("es", "muy malo"), ("de", "das Essen war kalt"), ("fr", "le repas était froid")])
    func confidentShortGuessesStandAndStayNeutral(_ sample: (String, String)) {
        let r = analyzer.analyze(sample.1)
        #expect(r.language == sample.0, "\(sample.1)")
        #expect(r.label == .neutral && r.neutral == 1)
    }

    @Test func longerTextsDoNotAbstain() {
        var policy = LanguagePolicy()
        policy.abstainBelow = 1  // every short text abstains
        let strict = SentimentAnalyzer(labeling: .standard, languagePolicy: policy)
        #expect(strict.analyze("me encanta").language == "und")
        #expect(strict.analyze("Me encanta este producto, lo recomiendo.").language == "es")
    }

    @Test func thePriorIsLogOddsAgainstEachOtherClass() {
        var policy = LanguagePolicy()
        policy.englishPrior = 1.0 / 16
        #expect(abs(policy.englishLogOdds) < 1e-12)
        policy.englishPrior = 0.5
        #expect(abs(policy.englishLogOdds - 2.708_050_201_102_210) < 1e-12)  // ln 15
        #expect(LanguagePolicy.none.shortTextWords == 0 && LanguagePolicy.none.abstainBelow == 0)
    }
}
