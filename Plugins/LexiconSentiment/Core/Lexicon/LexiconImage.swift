/// The lexicon's tables frozen into one read-only byte image, which the plugin embeds
/// (`Image/lexicon.image`, written by `lexicon-image` from the data files) and reads in place:
/// nothing is parsed or allocated at load, a process only pages in what its lookups touch,
/// and process-isolated workers share the pages.
///
/// Layout: a header of `HeaderField` words (little-endian UInt64), then the sections of
/// `Section` in order, each starting at a multiple of 16 bytes. The header holds the counts;
/// every offset follows from them (`Layout`), so a reader checks the size instead of trusting
/// offsets. Entries are trusted like code: the image is part of the plugin binary, and
/// `LexiconImageTests` rebuilds it from the data files and compares.
package enum LexiconImage {
    /// The first header word: stored little-endian, its bytes spell "AuraLex" and the format
    /// version, 1.
    static let magic: UInt64 = 0x0178_654C_6172_7541

    /// The header's words, in order.
    enum HeaderField: Int, CaseIterable {
        case magic, layoutFingerprint
        case termCount, termCapacity, keyBytes
        case phraseCapacity, phraseCount
        case trigramCapacity, trigramCount
        case languageBytes
    }

    /// The sections after the header, in order.
    enum Section: Int, CaseIterable {
        case termSlots, termKeyBytes, termKeyOffsets, termKeyLengths, terms
        case phraseKeys, phrases
        case trigramKeys, trigramRows, missingRow
        case languages
    }

    static let headerSize = HeaderField.allCases.count * 8

    /// Where each section starts, and the image's size, for the given counts.
    struct Layout {
        private(set) var offsets: [Int] = []
        private(set) var size = 0

        init(words: [UInt64]) {
            func word(_ field: HeaderField) -> Int { Int(truncatingIfNeeded: words[field.rawValue]) }
            let sizes: [Int] = Section.allCases.map { section in
                switch section {
                case .termSlots: word(.termCapacity) * 8
                case .termKeyBytes: word(.keyBytes)
                case .termKeyOffsets: word(.termCount) * 4
                case .termKeyLengths: word(.termCount) * 2
                case .terms: word(.termCount) * MemoryLayout<Term>.stride
                case .phraseKeys: word(.phraseCapacity) * 8
                case .phrases: word(.phraseCapacity) * MemoryLayout<Phrase>.stride
                case .trigramKeys: word(.trigramCapacity) * 8
                case .trigramRows: word(.trigramCapacity) * MemoryLayout<TrigramModel.Row>.stride
                case .missingRow: MemoryLayout<TrigramModel.Row>.stride
                case .languages: word(.languageBytes)
                }
            }
            var position = LexiconImage.headerSize
            for size in sizes {
                position = (position + 15) & ~15
                offsets.append(position)
                position += size
            }
            size = position
        }

        func offset(_ section: Section) -> Int { offsets[section.rawValue] }
    }

    /// Changes whenever `Term`'s, `Phrase`'s or a row's memory layout or the byte order does,
    /// so an image written by a differently laid-out build is refused rather than misread.
    static var layoutFingerprint: UInt64 {
        let facts: [Int?] = [
            Int(UInt16(1).littleEndian == 1 ? 1 : 2),
            MemoryLayout<Term>.size, MemoryLayout<Term>.stride,
            MemoryLayout<Term>.offset(of: \.valence), MemoryLayout<Term>.offset(of: \.scalar),
            MemoryLayout<Term>.offset(of: \.flags), MemoryLayout<Term>.offset(of: \.role),
            MemoryLayout<Term>.offset(of: \.stopwordLanguages), MemoryLayout<Term>.offset(of: \.quantityPolarity),
            MemoryLayout<Term>.offset(of: \.direction), MemoryLayout<Term>.offset(of: \.phraseEndLengths),
            MemoryLayout<Phrase>.size, MemoryLayout<Phrase>.stride,
            MemoryLayout<Phrase>.offset(of: \.kind), MemoryLayout<Phrase>.offset(of: \.value),
            MemoryLayout<Phrase>.offset(of: \.length), MemoryLayout<TrigramModel.Row>.stride,
        ]
        return facts.reduce(TermTable.fnvOffset) { ($0 ^ UInt64(bitPattern: Int64($1 ?? -1))) &* TermTable.fnvPrime }
    }

    /// Why an image cannot be read.
    package struct Refusal: Error, CustomStringConvertible {
        package let description: String
    }

    /// The header words and layout of `image`, once they check out: the magic and layout
    /// fingerprint match this build, table capacities are powers of two with a free slot, and
    /// the size is exactly what the counts give.
    static func layout(of image: UnsafeRawBufferPointer) throws(Refusal) -> (words: [UInt64], layout: Layout) {
        guard let base = image.baseAddress, image.count >= headerSize, Int(bitPattern: base) & 15 == 0 else {
            throw Refusal(description: "lexicon image: shorter than its header or not 16-byte aligned")
        }
        let words = HeaderField.allCases.map { UInt64(littleEndian: image.loadUnaligned(fromByteOffset: $0.rawValue * 8, as: UInt64.self)) }
        guard words[HeaderField.magic.rawValue] == magic else { throw Refusal(description: "lexicon image: not an image of this format") }
        guard words[HeaderField.layoutFingerprint.rawValue] == layoutFingerprint else {
            throw Refusal(description: "lexicon image: written by a build with another memory layout (run lexicon-image)")
        }
        guard words.dropFirst(2).allSatisfy({ $0 < 1 << 32 }) else { throw Refusal(description: "lexicon image: a count out of range") }
        for (capacity, count) in [(HeaderField.termCapacity, HeaderField.termCount), (.phraseCapacity, .phraseCount), (.trigramCapacity, .trigramCount)] {
            let c = words[capacity.rawValue], n = words[count.rawValue]
            guard c.nonzeroBitCount == 1, n < c else {
                throw Refusal(description: "lexicon image: \(capacity) \(c) does not hold \(count) \(n)")
            }
        }
        let layout = Layout(words: words)
        guard layout.size == image.count else {
            throw Refusal(description: "lexicon image: \(image.count) bytes where its counts give \(layout.size)")
        }
        return (words, layout)
    }
}
