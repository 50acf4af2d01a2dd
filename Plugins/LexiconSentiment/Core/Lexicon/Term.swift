/// What the analyzer knows about one lexicon key (a lower-cased word, emoticon or emoji).
///
/// One key carries every role it plays, so the scanner looks each token up once: its
/// sentiment valence, whether it modifies its neighbours, and which languages use it as a
/// function word.
struct Term: Sendable {
    /// Sentiment valence on VADER's scale (-4 ... +4); 0 for words without sentiment.
    var valence: Float = 0
    /// Intensity change a booster (> 0) or dampener (< 0) gives the sentiment word after it.
    var scalar: Float = 0
    var flags: TermFlags = []
    var role: TermRole = .none
    /// Languages that list this word as a function word (bit i = `Language.identified[i]`).
    var stopwordLanguages: UInt8 = 0
    /// +1 when a rise in this quantity is good news (profits), -1 when it is bad (prices).
    var quantityPolarity: Int8 = 0
    /// +1 for words that say a quantity went up (rose, record), -1 down (fell, cut).
    var direction: Int8 = 0
    /// Bit n-2 set when a phrase of n words (2...4) ends with this word.
    var phraseEndLengths: UInt8 = 0
}

/// Yes/no properties of a term.
struct TermFlags: OptionSet, Sendable {
    var rawValue: UInt16

    /// Has a non-zero valence.
    static let sentiment = TermFlags(rawValue: 1 << 0)
    /// Flips and dampens the sentiment of the next few words ("not", "never", "without").
    static let negation = TermFlags(rawValue: 1 << 1)
    /// Changes the intensity of the next sentiment word (`scalar`).
    static let modifier = TermFlags(rawValue: 1 << 2)
    /// "but", "however": what follows outweighs what came before.
    static let contrastAfter = TermFlags(rawValue: 1 << 3)
    /// "although", "despite": the clause it opens weighs less than the main clause.
    static let contrastSubordinate = TermFlags(rawValue: 1 << 4)
    /// An English word: evidence for English in language identification.
    static let english = TermFlags(rawValue: 1 << 5)
    /// An emoticon or emoji: language-neutral sentiment.
    static let symbol = TermFlags(rawValue: 1 << 6)
}

/// Words whose rule depends on their neighbours, beyond the generic flags.
enum TermRole: UInt8, Sendable {
    case none
    /// "no": a negator before a sentiment word, a mild negative on its own.
    case no
    /// "least": negates what follows, except in "at least" / "very least".
    case least
    case at
    case very
    /// "never so good", "never this good": emphasis, not negation.
    case never
    case soOrThis
    /// "without doubt": not a negation.
    case without
    case doubt
    /// "not only ... but also": neither a negation nor a contrast.
    case not
    case only
    /// "like": a positive verb after a subject ("I like"), no sentiment as a preposition.
    case like
    /// Words after which "like" is the verb: pronouns and auxiliaries.
    case likeSubject
    /// "yet": a contrast only where it opens a clause (", yet"), not in "not yet".
    case yet
    /// "can't", "couldn't": with "enough" later in the clause, emphasis rather than negation
    /// ("I can't recommend it enough").
    case cannot
    case enough
    /// "and": may join two statements ("the food was great and the service awful"), so it ends
    /// a clause for telling mixed texts apart, though negation and modifiers reach across it.
    case and
}
