import CLexiconImage

/// Everything the analyzer looks up, read in place from a lexicon image (`LexiconImage`) and
/// shared read-only by every analyzer value and thread.
final class Lexicon: @unchecked Sendable {
    // @unchecked: `ownedImage` is written in `init` only, and the tables only read the image.
    let terms: TermTable
    let phrases: PhraseTable
    let trigrams: TrigramModel
    /// The copy of an image this lexicon reads from and frees, if it made one.
    private let ownedImage: UnsafeMutableRawBufferPointer?

    /// The image embedded in this build (`Image/lexicon.image`).
    nonisolated(unsafe) static let embeddedImage: UnsafeRawBufferPointer = {  // read-only data
        var size = 0
        let base = aura_lexicon_image(&size)
        return UnsafeRawBufferPointer(start: base, count: size)
    }()

    /// The lexicon of the embedded image, or why that image cannot be read.
    static let embedded = Result { () throws(LexiconImage.Refusal) in try Lexicon(image: embeddedImage) }

    /// The embedded lexicon. A refused image is a build defect (`LexiconImageTests` fails first);
    /// the plugin's `create` reports it before anything gets here.
    static var standard: Lexicon {
        switch embedded {
        case .success(let lexicon): lexicon
        case .failure(let refusal): preconditionFailure("\(refusal)")
        }
    }

    /// Reads the tables of `image`, which must stay mapped and unchanged while the lexicon lives.
    init(image: UnsafeRawBufferPointer) throws(LexiconImage.Refusal) {
        (terms, phrases, trigrams) = try Self.tables(image)
        ownedImage = nil
    }

    /// Reads the tables of a copy of `image` (a freshly built one, in tools and tests).
    init(copying image: [UInt8]) throws(LexiconImage.Refusal) {
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(image.count, 1), alignment: 16)
        copy.copyBytes(from: image)
        do {
            (terms, phrases, trigrams) = try Self.tables(UnsafeRawBufferPointer(rebasing: copy[0..<image.count]))
        } catch {
            copy.deallocate()
            throw error
        }
        ownedImage = copy
    }

    deinit { ownedImage?.deallocate() }

    private static func tables(_ image: UnsafeRawBufferPointer) throws(LexiconImage.Refusal) -> (TermTable, PhraseTable, TrigramModel) {
        let (words, layout) = try LexiconImage.layout(of: image)
        let base = image.baseAddress!
        func word(_ field: LexiconImage.HeaderField) -> Int { Int(words[field.rawValue]) }
        let terms = TermTable(image: base, words: words, layout: layout)
        let phrases = PhraseTable(table: KeyedTable(
            keys: base + layout.offset(.phraseKeys), values: base + layout.offset(.phrases),
            capacity: word(.phraseCapacity), count: word(.phraseCount)))
        let languageBytes = UnsafeRawBufferPointer(start: base + layout.offset(.languages), count: word(.languageBytes))
        let languages = languageBytes.split(separator: 0x0a).map { String(decoding: $0, as: UTF8.self) }
        guard Array(languages.prefix(Language.identified.count)) == Language.identified,
              languages.count <= TrigramModel.Row.scalarCount else {
            throw LexiconImage.Refusal(description: "lexicon image: the trigram model's languages are \(languages)")
        }
        let trigrams = TrigramModel(
            languages: languages,
            rows: KeyedTable(keys: base + layout.offset(.trigramKeys), values: base + layout.offset(.trigramRows),
                             capacity: word(.trigramCapacity), count: word(.trigramCount)),
            missing: (base + layout.offset(.missingRow)).loadUnaligned(as: TrigramModel.Row.self))
        return (terms, phrases, trigrams)
    }

    /// The term for a lower-case key, if any (for setup and tests; the scanner hashes in place).
    func term(_ key: String) -> Term? {
        let index = terms.lookup(Array(key.utf8))
        return index < 0 ? nil : terms.terms[index]
    }
}
