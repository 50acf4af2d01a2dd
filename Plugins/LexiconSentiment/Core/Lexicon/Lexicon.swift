/// Everything the analyzer looks up, built once from the embedded data and shared read-only
/// by every analyzer value and thread.
final class Lexicon: Sendable {
    let terms: TermTable
    let phrases: PhraseTable
    let trigrams: TrigramModel

    /// The lexicon built from the embedded data, built on first use.
    static let standard = Lexicon(builder: .standard())

    init(builder: LexiconBuilder) {
        terms = TermTable(entries: builder.terms.map { (key: $0.key, term: $0.value) })
        phrases = PhraseTable(entries: builder.phrases.map { (key: $0.key, phrase: $0.value) })
        trigrams = TrigramModel(records: EmbeddedData.languageTrigrams.bytes)
    }

    /// The term for a lower-case key, if any (for setup and tests; the scanner hashes in place).
    func term(_ key: String) -> Term? {
        let index = terms.lookup(Array(key.utf8))
        return index < 0 ? nil : terms.terms[index]
    }
}
