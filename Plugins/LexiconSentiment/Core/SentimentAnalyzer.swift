/// A lexicon-and-rules sentiment analyzer for English in the spirit of VADER (Hutto & Gilbert
/// 2014), with language identification for en, es, fr, de, pt, it and nl.
///
/// It reads UTF-8 bytes in one pass without allocating: words are looked up in a hash table
/// built from VADER's lexicon (MIT) and ours and read in place from the image the plugin
/// embeds (`LexiconImage`), and rules adjust their valences (negation,
/// boosters and dampeners, "but" and "although", ALL CAPS and "!", idioms, emoji). Texts in
/// another language, or in none it can identify, are NEUTRAL with `neutral` = 1: the lexicon
/// is English, and a wrong strong label is worse than none. A short text whose language is
/// uncertain is scored as English (see `LanguagePolicy`). Values are cheap to copy and safe
/// to share between threads.
public struct SentimentAnalyzer: Sendable {
    private let lexicon: Lexicon
    /// How scores become labels; see `LabelingRule`.
    public var labeling: LabelingRule
    private let identifier: LanguageIdentifier
    /// How language identification weighs English and when it abstains.
    public var languagePolicy: LanguagePolicy { identifier.policy }

    /// Why the built-in lexicon cannot be read (its embedded image was refused), or nil. No
    /// analyzer may be created while it is not nil: a plugin's `create` reports it instead.
    public static var lexiconProblem: String? {
        if case .failure(let refusal) = Lexicon.embedded { return refusal.description }
        return nil
    }

    /// An analyzer with the built-in lexicon (read in place from the image the plugin embeds).
    public init() {
        self.init(labeling: .standard)
    }

    public init(labeling: LabelingRule, languagePolicy: LanguagePolicy = LanguagePolicy()) {
        lexicon = Lexicon.standard
        self.labeling = labeling
        identifier = LanguageIdentifier(model: lexicon.trigrams, policy: languagePolicy)
    }

    /// The sentiment of UTF-8 `text` (invalid bytes are tolerated). A non-empty `languageHint`
    /// ("en", "de-AT") replaces language identification.
    public func analyze(_ text: UnsafeRawBufferPointer, languageHint: String? = nil) -> SentimentResult {
        var signals = RuleSignals()
        return analyze(text, languageHint: languageHint, signals: &signals)
    }

    /// The sentiment of UTF-8 `text`, and in `signals` which rules fired (left unchanged for a
    /// text that is empty or not English).
    public func analyze(_ text: UnsafeRawBufferPointer, languageHint: String? = nil,
                        signals: inout RuleSignals) -> SentimentResult {
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self), text.count > 0 else {
            return .neutral(language: SentimentAnalyzer.hinted(languageHint) ?? Language.undetermined, languageScore: 0)
        }
        var engine = RuleEngine(lexicon: lexicon, capsEmphasis: Scanner.hasLowercase(base, text.count))
        var evidence = LanguageEvidence()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Scanner.maxWordBytes) { scratch in
            let scanner = Scanner(text: base, count: text.count, table: lexicon.terms, scratch: scratch.baseAddress!)
            scanner.run(&engine, &evidence)
        }

        let guess: LanguageGuess
        if let code = SentimentAnalyzer.hinted(languageHint) {
            guess = LanguageGuess(code: code, score: 1)
        } else {
            guess = identifier.identify(evidence, text: text)
        }
        guard guess.code == "en" || guess.wordless || guess.abstained else {
            return .neutral(language: guess.code, languageScore: guess.score)
        }

        let totals = engine.finish()
        signals = engine.signals
        var sum = totals.weighted
        if sum != 0 {
            let emphasis = SentimentAnalyzer.punctuationEmphasis(exclamations: engine.exclamations,
                                                                 questions: engine.questions)
            sum += sum > 0 ? emphasis : -emphasis
        }
        return labeling.label(compound: RuleConstants.normalize(sum), positive: totals.positive,
                              negative: totals.negative, language: guess.code, languageScore: guess.score)
    }

    /// The sentiment of `text`.
    public func analyze(_ text: String, languageHint: String? = nil) -> SentimentResult {
        var copy = text
        return copy.withUTF8 { analyze(UnsafeRawBufferPointer($0), languageHint: languageHint) }
    }

    /// VADER's emphasis from "!" (up to 4) and "??" / "???" (more than 3 count as 3+).
    static func punctuationEmphasis(exclamations: Int, questions: Int) -> Double {
        var emphasis = Double(min(exclamations, RuleConstants.maxExclamations)) * RuleConstants.exclamationEmphasis
        if questions > 3 {
            emphasis += RuleConstants.maxQuestionEmphasis
        } else if questions > 1 {
            emphasis += Double(questions) * RuleConstants.questionEmphasis
        }
        return emphasis
    }

    /// The language code of a hint ("en-US" -> "en"), or nil for none.
    static func hinted(_ hint: String?) -> String? {
        guard let hint, !hint.isEmpty else { return nil }
        let code = hint.lowercased().prefix { $0 != "-" && $0 != "_" }
        return code.isEmpty ? nil : String(code.prefix(15))
    }
}
