/// How often each rule fired on a text, and the strengths of its positive and negative parts:
/// what a model built on this analyzer (the learned analyzer) reads besides the scores.
public struct RuleSignals: Sendable, Equatable {
    /// Sentiment contributions (words, symbols, phrases, ratings) that ended up positive.
    public var positiveTerms = 0
    /// The same, negative.
    public var negativeTerms = 0
    /// Contributions flipped by a negation ("not good").
    public var negated = 0
    /// Contributions raised by a booster ("very good").
    public var boosted = 0
    /// Contributions lowered by a dampener ("kind of slow").
    public var dampened = 0
    /// Contributions emphasized by ALL CAPS.
    public var capsEmphasized = 0
    /// Contrast words that reweighed clauses ("but", "although").
    public var contrasts = 0
    /// Idioms that replaced their words' valences ("over the moon").
    public var idioms = 0
    /// Emoji and emoticons with a valence.
    public var symbols = 0
    /// Quantities that met a direction ("unemployment fell").
    public var quantities = 0
    /// "!" and "?" counted for emphasis.
    public var exclamations = 0
    public var questions = 0
    /// The normalized strengths (0 ... 1) of the positive and the negative clauses, before
    /// contrast weighting (the labeler's p and n).
    public var positiveStrength = 0.0
    public var negativeStrength = 0.0

    /// No rule fired.
    public init() {}
}
