/// The languages the analyzer identifies, as ISO 639-1 codes.
enum Language {
    /// The identified languages, in the order of `Term.stopwordLanguages`'s bits and of the
    /// first columns of the trigram model.
    static let identified = ["en", "es", "fr", "de", "pt", "it", "nl"]
    static let englishIndex = 0
    /// Reported when no identified language fits.
    static let undetermined = "und"
}

/// The language of a text and the confidence in it.
struct LanguageGuess: Equatable, Sendable {
    var code: String
    var score: Double
    /// True when the text has no words at all (only emoji, emoticons, digits, punctuation):
    /// there is no language to identify, and its symbols still carry sentiment.
    var wordless: Bool = false
    /// True when a short text's guess was too weak and the policy's abstention was reported:
    /// the text is scored with the English lexicon whatever `code` says.
    var abstained: Bool = false
}
