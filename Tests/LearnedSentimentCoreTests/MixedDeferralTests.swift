@testable import LearnedSentimentCore
import LexiconSentimentCore
import Testing

/// The label rule: the most probable class, unless the lexicon analyzer says MIXED and the model
/// gives its own label less than even odds.
@Suite struct MixedDeferralTests {
    @Test func theMostProbableClassWinsWhenTheLexiconIsNotMixed() {
        for lexicon in [SentimentLabel.positive, .negative, .neutral] {
            #expect(LearnedAnalyzer.label(SIMD4(0.4, 0.35, 0.25, 0), lexicon: lexicon) == .positive)
            #expect(LearnedAnalyzer.label(SIMD4(0.1, 0.2, 0.3, 0.4), lexicon: lexicon) == .mixed)
        }
    }

    @Test func anUnsureModelDefersToTheLexiconsMixed() {
        #expect(LearnedAnalyzer.label(SIMD4(0.45, 0.4, 0.15, 0), lexicon: .mixed) == .mixed)
        #expect(LearnedAnalyzer.label(SIMD4(0.2, 0.49, 0.31, 0), lexicon: .mixed) == .mixed)
    }

    @Test func aSureModelKeepsItsLabelAgainstTheLexiconsMixed() {
        #expect(LearnedAnalyzer.label(SIMD4(0.5, 0.3, 0.2, 0), lexicon: .mixed) == .positive)
        #expect(LearnedAnalyzer.label(SIMD4(0.05, 0.9, 0.05, 0), lexicon: .mixed) == .negative)
    }

    @Test func aClearlyMixedSentenceIsMixed() throws {
        let analyzer = try ShippedModel.analyzer.get()
        #expect(analyzer.analyze("The food was great but the service was awful.").label == .mixed)
    }
}
