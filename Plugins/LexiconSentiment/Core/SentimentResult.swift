/// The overall sentiment of a text. Raw values match `aura_sentiment_label` in aura_plugin.h.
public enum SentimentLabel: UInt32, Sendable, CaseIterable {
    case positive = 0
    case negative = 1
    case neutral = 2
    /// Both clearly positive and clearly negative parts, neither dominating.
    case mixed = 3

    /// "positive", "negative", "neutral" or "mixed".
    public var name: String {
        switch self {
        case .positive: "positive"
        case .negative: "negative"
        case .neutral: "neutral"
        case .mixed: "mixed"
        }
    }
}

/// What `SentimentAnalyzer.analyze` found.
///
/// The four scores are confidences that sum to 1, and `label` is the largest of them.
/// `compound` is VADER's normalized valence sum, from -1 (most negative) to +1.
public struct SentimentResult: Sendable, Equatable {
    public var label: SentimentLabel
    public var positive: Double
    public var negative: Double
    public var neutral: Double
    public var mixed: Double
    public var compound: Double
    /// ISO 639-1 code of the text's language ("en"), or "und" when undetermined.
    public var language: String
    /// Confidence in `language`, 0 to 1; low for "und".
    public var languageScore: Double

    public init(label: SentimentLabel, positive: Double, negative: Double, neutral: Double, mixed: Double,
                compound: Double, language: String, languageScore: Double) {
        self.label = label
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.mixed = mixed
        self.compound = compound
        self.language = language
        self.languageScore = languageScore
    }

    /// A neutral result: for empty text and for languages without a sentiment lexicon.
    static func neutral(language: String, languageScore: Double) -> SentimentResult {
        SentimentResult(label: .neutral, positive: 0, negative: 0, neutral: 1, mixed: 0, compound: 0,
                        language: language, languageScore: languageScore)
    }
}
