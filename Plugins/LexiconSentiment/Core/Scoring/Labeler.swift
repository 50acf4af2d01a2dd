/// Turns the valence totals of a text into a label and four confidences.
///
/// With c the compound score, and p, n the normalized strengths of the positive and negative
/// parts on their own (before contrast weighting), the evidence for each label is
///
///     positive  max(c, 0)            negative  max(-c, 0)
///     neutral   neutralThreshold     (a constant: |c| must beat it)
///     mixed     mixedWeight * min(p, n) * (1 - |c|), when min(p, n) >= mixedThreshold
///
/// The label is the largest; the confidences are the evidence normalized to sum to 1. So a
/// text is positive when c > neutralThreshold (VADER uses 0.05), and mixed when both sides are
/// strong (each at least mixedThreshold) and balanced enough that |c| stays small.
public struct LabelingRule: Sendable, Equatable {
    /// |compound| a text needs to be positive or negative.
    public var neutralThreshold: Double
    /// Strength (normalized, 0 ... 1) that both the positive and the negative side need for MIXED.
    public var mixedThreshold: Double
    /// Weight of the mixed evidence against |compound|.
    public var mixedWeight: Double

    public static let standard = LabelingRule(neutralThreshold: 0.15, mixedThreshold: 0.3, mixedWeight: 2.0)

    public init(neutralThreshold: Double, mixedThreshold: Double, mixedWeight: Double) {
        self.neutralThreshold = neutralThreshold
        self.mixedThreshold = mixedThreshold
        self.mixedWeight = mixedWeight
    }

    /// The label and confidences for a compound score and the raw positive and negative sums.
    func label(compound c: Double, positive: Double, negative: Double,
               language: String, languageScore: Double) -> SentimentResult {
        let p = RuleConstants.normalize(positive)
        let n = RuleConstants.normalize(negative)
        let both = min(p, n)
        let evidence = (
            positive: max(c, 0),
            negative: max(-c, 0),
            neutral: neutralThreshold,
            mixed: both >= mixedThreshold ? mixedWeight * both * (1 - abs(c)) : 0
        )
        let total = evidence.positive + evidence.negative + evidence.neutral + evidence.mixed
        var label = SentimentLabel.neutral
        var best = evidence.neutral
        if evidence.positive > best { label = .positive; best = evidence.positive }
        if evidence.negative > best { label = .negative; best = evidence.negative }
        if evidence.mixed > best { label = .mixed }
        guard total > 0 else { return .neutral(language: language, languageScore: languageScore) }
        return SentimentResult(label: label, positive: evidence.positive / total, negative: evidence.negative / total,
                               neutral: evidence.neutral / total, mixed: evidence.mixed / total,
                               compound: c, language: language, languageScore: languageScore)
    }
}
