/// The four sentiment labels, numbered as in aura_plugin.h.
public enum Sentiment: UInt32, Sendable, CaseIterable {
    case positive = 0, negative, neutral, mixed

    /// The label's name on the wire, e.g. "POSITIVE".
    public var name: String {
        switch self {
        case .positive: "POSITIVE"
        case .negative: "NEGATIVE"
        case .neutral: "NEUTRAL"
        case .mixed: "MIXED"
        }
    }
}

/// An analyzer's verdict on one text.
public struct SentimentAnalysis: Sendable, Equatable {
    /// The label.
    public var sentiment: Sentiment
    /// Scores per label; they sum to 1.
    public var positive, negative, neutral, mixed: Double
    /// From -1 (most negative) to 1 (most positive).
    public var compound: Double
    /// The detected (or hinted) language, ISO 639-1, or "und".
    public var language: String
    /// Confidence in `language`.
    public var languageScore: Double

    /// Creates a verdict.
    public init(sentiment: Sentiment, positive: Double, negative: Double, neutral: Double, mixed: Double,
                compound: Double, language: String, languageScore: Double) {
        self.sentiment = sentiment
        self.positive = positive
        self.negative = negative
        self.neutral = neutral
        self.mixed = mixed
        self.compound = compound
        self.language = language
        self.languageScore = languageScore
    }
}

/// A piece of personal data a redactor found.
public struct DetectedEntity: Sendable, Equatable {
    /// Its type, e.g. "EMAIL".
    public var type: String
    /// Offset of its first Unicode scalar in the text.
    public var begin: Int
    /// Offset one past its last Unicode scalar.
    public var end: Int
    /// Confidence, 0 to 1.
    public var score: Double

    /// Creates an entity.
    public init(type: String, begin: Int, end: Int, score: Double) {
        self.type = type
        self.begin = begin
        self.end = end
        self.score = score
    }
}
