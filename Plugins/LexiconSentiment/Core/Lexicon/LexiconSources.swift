/// The records of the analyzer's data files (`data/`, as generate-lexicon.py embeds them in
/// the `LexiconRecords` module), from which `LexiconImage.build` freezes the tables.
package struct LexiconSources {
    /// VADER's `token<TAB>valence` records.
    package var vaderLexicon: UnsafeBufferPointer<UInt8>
    /// VADER's `emoji<TAB>description` records.
    package var vaderEmoji: UnsafeBufferPointer<UInt8>
    /// Our `kind<TAB>term<TAB>value` records.
    package var auraLexicon: UnsafeBufferPointer<UInt8>
    /// `language<TAB>word word ...` records.
    package var stopwords: UnsafeBufferPointer<UInt8>
    /// The trigram model's records.
    package var languageTrigrams: UnsafeBufferPointer<UInt8>

    /// Sources from the five files' records.
    package init(
        vaderLexicon: UnsafeBufferPointer<UInt8>, vaderEmoji: UnsafeBufferPointer<UInt8>, auraLexicon: UnsafeBufferPointer<UInt8>,
        stopwords: UnsafeBufferPointer<UInt8>, languageTrigrams: UnsafeBufferPointer<UInt8>
    ) {
        self.vaderLexicon = vaderLexicon
        self.vaderEmoji = vaderEmoji
        self.auraLexicon = auraLexicon
        self.stopwords = stopwords
        self.languageTrigrams = languageTrigrams
    }
}
