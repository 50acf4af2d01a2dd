#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides a text's language from the scanner's word evidence, falling back to the character
/// trigram model when the words are too few or ambiguous.
///
/// 1. No words (only emoji, emoticons, numbers): "und", wordless.
/// 2. Mostly letters of non-Latin scripts (or undecodable bytes): "und".
/// 3. Function words decide when one language has at least `decisiveHits` of them, twice as
///    many as any other, covering a quarter of the words (English also counts its lexicon's
///    content words, at half weight).
/// 4. Otherwise the trigram model scores the first `trigramBytes` bytes against the 7 languages
///    and 9 reject classes (da sv fi tr pl cs hu ro id), each identified language also getting
///    its word coverage as a bonus; a reject class or a poor fit gives "und". A short text (see
///    `LanguagePolicy`) also gives English the policy's prior, and abstains on a weak or poor fit.
struct LanguageIdentifier: Sendable {
    static let decisiveHits: Int32 = 3
    static let trigramBytes = 1024
    /// The trigram model's classes: the identified languages and the reject classes.
    static let classes = 16
    /// Bonus, in nats per trigram, for the share of the words that are a language's function
    /// words (English content words count half).
    static let coverageWeight = 1.5
    /// English is what the analyzer scores, and the usual input: a bias, in nats per trigram
    /// (a short text also gets the policy's prior).
    static let englishBias = 0.2
    /// A best fit worse than this (mean nats per trigram) is no language we know.
    static let poorFit = 9.0
    /// Confidence reported with "und" when there are words but no language fits.
    static let undeterminedScore = 0.1

    let model: TrigramModel
    let policy: LanguagePolicy
    /// `policy.englishLogOdds`, computed once.
    private let englishLogOdds: Double

    init(model: TrigramModel, policy: LanguagePolicy) {
        self.model = model
        self.policy = policy
        englishLogOdds = policy.englishLogOdds
    }

    func identify(_ evidence: LanguageEvidence, text: UnsafeRawBufferPointer) -> LanguageGuess {
        guard evidence.words > 0 else { return LanguageGuess(code: Language.undetermined, score: 0, wordless: true) }
        if evidence.otherLetters > evidence.latinLetters {
            return LanguageGuess(code: Language.undetermined, score: LanguageIdentifier.undeterminedScore)
        }
        // No allocation here: fixed-size vectors, one lane per language.
        let languages = Language.identified.count
        var hits = SIMD8<Double>(repeating: 0)
        for lane in 0..<languages { hits[lane] = Double(evidence.stopwordHits[lane]) }
        hits[Language.englishIndex] += 0.5 * Double(evidence.englishContentWords)
        let (first, best, second) = LanguageIdentifier.topTwo(hits, lanes: languages)
        let words = Double(evidence.words)
        if best >= Double(LanguageIdentifier.decisiveHits) && best >= 2 * second && best / words >= 0.25 {
            let margin = 1 - second / best
            let support = min(1, best / 8)
            return LanguageGuess(code: Language.identified[first], score: 0.6 + 0.39 * margin * support)
        }

        let short = evidence.words <= policy.shortTextWords
        let (sums, trigrams) = model.score(text, limit: LanguageIdentifier.trigramBytes)
        guard trigrams > 0 else { return undetermined(score: 0, abstaining: short) }
        // Per class: the log-likelihood of the trigrams plus the word-coverage bonus, where
        // trigrams overlap and are not independent, so a quarter of them is the evidence; then
        // English's bias and prior.
        let weight = Double(trigrams) / 4
        var fit = SIMD16<Double>(repeating: -.infinity)
        for lane in 0..<model.languages.count {
            var perTrigram = -Double(sums[lane]) / Double(trigrams) / 16
            if lane < languages { perTrigram += LanguageIdentifier.coverageWeight * hits[lane] / words }
            if lane == Language.englishIndex { perTrigram += LanguageIdentifier.englishBias }
            fit[lane] = perTrigram * weight
        }
        if short { fit[Language.englishIndex] += englishLogOdds }
        let (top, topFit, runnerUpFit) = LanguageIdentifier.topTwo(fit, lanes: model.languages.count)
        let confidence = 1 / (1 + exp(runnerUpFit - topFit))
        let fits = Double(sums[top]) / Double(trigrams) / 16 < LanguageIdentifier.poorFit
        if short && (confidence < policy.abstainBelow || !fits) {
            return undetermined(score: LanguageIdentifier.undeterminedScore, abstaining: true)
        }
        guard top < languages, fits else { return undetermined(score: LanguageIdentifier.undeterminedScore, abstaining: false) }
        return LanguageGuess(code: Language.identified[top], score: min(0.99, max(0.5, confidence)))
    }

    /// "und", or the policy's abstention for a short text.
    private func undetermined(score: Double, abstaining: Bool) -> LanguageGuess {
        abstaining
            ? LanguageGuess(code: policy.abstainLanguage, score: score, abstained: true)
            : LanguageGuess(code: Language.undetermined, score: score)
    }
}

extension LanguageIdentifier {
    /// The best lane (the first of equals), its value and the second-best value.
    static func topTwo<V: SIMD>(_ v: V, lanes: Int) -> (index: Int, best: Double, second: Double) where V.Scalar == Double {
        var index = 0
        var best = -Double.infinity, second = -Double.infinity
        for lane in 0..<lanes {
            if v[lane] > best {
                second = best
                best = v[lane]
                index = lane
            } else if v[lane] > second {
                second = v[lane]
            }
        }
        return (index, best, second)
    }
}
