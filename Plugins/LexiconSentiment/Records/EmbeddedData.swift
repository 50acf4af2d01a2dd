import LexiconSentimentCore

/// The analyzer's data files, embedded as string literals by `generate-lexicon.py` (see
/// `Generated/`): what `lexicon-image` builds the lexicon image from. The plugin itself embeds
/// only that image.
enum EmbeddedData {}

extension StaticString {
    /// The literal's UTF-8 bytes (it never holds a single scalar: the literals are multi-line).
    var bytes: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount)
    }
}

extension LexiconSources {
    /// The records of the data files as this module embeds them.
    package static var embedded: LexiconSources {
        LexiconSources(
            vaderLexicon: EmbeddedData.vaderLexicon.bytes, vaderEmoji: EmbeddedData.vaderEmoji.bytes,
            auraLexicon: EmbeddedData.auraLexicon.bytes, stopwords: EmbeddedData.stopwords.bytes,
            languageTrigrams: EmbeddedData.languageTrigrams.bytes)
    }
}
