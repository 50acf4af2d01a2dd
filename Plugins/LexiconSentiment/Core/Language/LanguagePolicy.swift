#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How language identification weighs English, and when a short text's guess is too weak to keep.
///
/// Short texts give the trigram model a handful of trigrams ("bad movie" has 8), so a close call
/// between similar languages is a coin toss. Two settings keep such texts from losing their
/// sentiment to a wrong guess; both apply only to texts of at most `shortTextWords` words
/// (longer texts keep the model's verdict, whose evidence is enough there):
///
/// - `englishPrior`: the prior probability that a short text is English (the 15 other classes
///   of the trigram model share the rest evenly), added to English as fixed log-odds: it
///   decides close calls.
/// - `abstainBelow`: a short text whose best guess (from the trigram model) is less confident
///   than this, or that fits no language, abstains: it reports `abstainLanguage` and is scored
///   with the English lexicon, which finds sentiment only in the English words it knows (a
///   Spanish "me encanta" stays NEUTRAL; "awful" is NEGATIVE).
///
/// The defaults were chosen on the dev half of `eval/language` (see its README).
public struct LanguagePolicy: Sendable, Equatable {
    /// Prior probability that a short text is English, in 0 ..< 1 (1/16 is no preference).
    public var englishPrior = 0.1
    /// Confidence under which a short text's guess abstains (0 never abstains).
    public var abstainBelow = 0.6
    /// Texts of at most this many words are short (0: no text is).
    public var shortTextWords = 3
    /// The language an abstaining text reports: "und" or a code such as "en".
    public var abstainLanguage = Language.undetermined

    /// The defaults.
    public init() {}

    /// The policy before priors and abstention existed: no English log-odds, never abstains.
    public static let none: LanguagePolicy = {
        var policy = LanguagePolicy()
        policy.englishPrior = 1.0 / 16
        policy.abstainBelow = 0
        policy.shortTextWords = 0
        return policy
    }()

    /// `englishPrior` as log-odds, in nats, of English against any one other class.
    var englishLogOdds: Double {
        let others = Double(LanguageIdentifier.classes - 1)
        return log(englishPrior * others / (1 - englishPrior))
    }
}
