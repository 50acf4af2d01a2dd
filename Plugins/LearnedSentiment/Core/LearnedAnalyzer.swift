#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import LexiconSentimentCore

/// A learned sentiment analyzer: the lexicon analyzer's scores and rule signals plus hashed
/// word, bigram and character features, weighed by a multinomial logistic regression
/// (`LearnedModel`) into four calibrated probabilities.
///
/// Language identification is the lexicon analyzer's, and so is the policy: a text in another
/// language (or an undetermined one) is NEUTRAL with `neutral` = 1; a text without words (only
/// emoji or emoticons) is scored. `compound` is P(positive) − P(negative). One analysis
/// allocates nothing on the heap; values are read-only and safe to share between threads.
public struct LearnedAnalyzer: Sendable {
    /// The weights.
    public let model: LearnedModel
    /// The rule-based analyzer whose outputs are features.
    public let lexicon: SentimentAnalyzer

    /// An analyzer with `model`'s weights.
    public init(model: LearnedModel) {
        self.model = model
        self.lexicon = SentimentAnalyzer()
    }

    /// The sentiment of UTF-8 `text` (invalid bytes are tolerated). A non-empty `languageHint`
    /// ("en", "de-AT") replaces language identification.
    public func analyze(_ text: UnsafeRawBufferPointer, languageHint: String? = nil) -> SentimentResult {
        var signals = RuleSignals()
        let base = lexicon.analyze(text, languageHint: languageHint, signals: &signals)
        guard LearnedAnalyzer.isScored(base) else { return base }
        let p = model.weights.withUnsafeBufferPointer { weights in
            var sink = LogitSink(weights: weights.baseAddress!, buckets: model.features.buckets)
            model.features.extractHashed(text, into: &sink)
            LearnedAnalyzer.extractDense(base, signals, into: &sink)
            return sink.probabilities()
        }
        return SentimentResult(label: LearnedAnalyzer.label(p, lexicon: base.label), positive: Double(p[0]), negative: Double(p[1]), neutral: Double(p[2]),
                               mixed: Double(p[3]), compound: Double(p[0] - p[1]), language: base.language,
                               languageScore: base.languageScore)
    }

    /// Below this probability of its own label, the model defers to the lexicon analyzer's MIXED.
    public static let mixedDeferral: Float = 0.5

    /// The label of probabilities `p` (in `SentimentLabel` order): the most probable, except that
    /// the lexicon analyzer's clause-level MIXED stands when the model gives its own label less
    /// than even odds. The model learns MIXED only from labeled mixed texts, which few corpora
    /// have; the lexicon finds it from a clear positive and a clear negative part in any domain.
    static func label(_ p: SIMD4<Float>, lexicon: SentimentLabel) -> SentimentLabel {
        var top = 0
        for i in 1..<4 where p[i] > p[top] { top = i }
        if lexicon == .mixed && p[top] < mixedDeferral { return .mixed }
        return SentimentLabel(rawValue: UInt32(top)) ?? .neutral
    }

    /// The sentiment of `text`.
    public func analyze(_ text: String, languageHint: String? = nil) -> SentimentResult {
        var copy = text
        return copy.withUTF8 { analyze(UnsafeRawBufferPointer($0), languageHint: languageHint) }
    }

    /// Feeds every feature of `text` to `sink` (for training: `sentiment-eval features`); false
    /// when the analyzer would not score the text (another language).
    @discardableResult
    public static func extract<Sink: FeatureSink>(_ text: UnsafeRawBufferPointer, features: TextFeatures,
                                                  lexicon: SentimentAnalyzer, into sink: inout Sink) -> Bool {
        var signals = RuleSignals()
        let base = lexicon.analyze(text, signals: &signals)
        features.extractHashed(text, into: &sink)
        LearnedAnalyzer.extractDense(base, signals, into: &sink)
        return LearnedAnalyzer.isScored(base)
    }

    /// English, or no words at all: the texts the lexicon analyzer scores.
    static func isScored(_ result: SentimentResult) -> Bool {
        result.language == "en" || (result.language == "und" && result.languageScore == 0)
    }

    /// The dense features: the bias, the lexicon's result and its rule signals, the length.
    static func extractDense<Sink: FeatureSink>(_ r: SentimentResult, _ s: RuleSignals, into sink: inout Sink) {
        func count(_ n: Int) -> Float { Float(min(n, 4)) / 4 }
        sink.dense(0, 1)
        sink.dense(1, Float(r.compound))
        sink.dense(2, Float(r.positive))
        sink.dense(3, Float(r.negative))
        sink.dense(4, Float(r.neutral))
        sink.dense(5, Float(r.mixed))
        sink.dense(6 + Int(r.label.rawValue), 1)  // 6 ... 9: the lexicon's label
        sink.dense(10, Float(s.positiveStrength))
        sink.dense(11, Float(s.negativeStrength))
        sink.dense(12, Float(min(s.positiveStrength, s.negativeStrength)))
        sink.dense(13, count(s.positiveTerms))
        sink.dense(14, count(s.negativeTerms))
        sink.dense(15, count(s.negated))
        sink.dense(16, count(s.boosted))
        sink.dense(17, count(s.dampened))
        sink.dense(18, count(s.capsEmphasized))
        sink.dense(19, count(s.contrasts))
        sink.dense(20, count(s.idioms))
        sink.dense(21, count(s.symbols))
        sink.dense(22, count(s.quantities))
        sink.dense(23, count(s.exclamations))
        sink.dense(24, count(s.questions))
        sink.dense(25, Float(abs(r.compound)))
        sink.dense(26, min(Float(log2(Double(s.positiveTerms + s.negativeTerms) + 1)) / 4, 1))
    }
}

/// Sums the weights of a text's features per group, then scales each hashed group by
/// 1/√(its occurrences) and adds the dense part: the model's logits, on the stack.
struct LogitSink: FeatureSink {
    let weights: UnsafePointer<SIMD4<Float>>
    let buckets: Int
    var groups = (SIMD4<Float>.zero, SIMD4<Float>.zero, SIMD4<Float>.zero)
    var counts = (0, 0, 0)
    var denseSum = SIMD4<Float>.zero

    @inline(__always)
    mutating func sparse(group: Int, bucket: Int) {
        let w = weights[bucket]
        switch group {
        case 0: groups.0 += w; counts.0 += 1
        case 1: groups.1 += w; counts.1 += 1
        default: groups.2 += w; counts.2 += 1
        }
    }

    @inline(__always)
    mutating func dense(_ index: Int, _ value: Float) {
        if value != 0 { denseSum += weights[buckets + index] * value }
    }

    /// Softmax of the logits: positive, negative, neutral, mixed.
    func probabilities() -> SIMD4<Float> {
        func scaled(_ sum: SIMD4<Float>, _ n: Int) -> SIMD4<Float> { n == 0 ? .zero : sum / Float(n).squareRoot() }
        let logits = scaled(groups.0, counts.0) + scaled(groups.1, counts.1) + scaled(groups.2, counts.2) + denseSum
        let shifted = logits - logits.max()
        let e = SIMD4<Float>(expf(shifted[0]), expf(shifted[1]), expf(shifted[2]), expf(shifted[3]))
        return e / e.sum()
    }
}
