import Testing
@testable import LexiconRecords
@testable import LexiconSentimentCore

/// The committed lexicon image is what `lexicon-image` writes from the data files, the plugin
/// reads back every table entry the builder made, and a damaged image is refused, not misread.
@Suite struct LexiconImageTests {
    static let fresh = LexiconImage.build(.embedded)

    static var embeddedBytes: [UInt8] { Array(Lexicon.embeddedImage) }

    @Test func theCommittedImageIsWhatTheDataFilesGive() {
        #expect(Self.embeddedBytes.count == Self.fresh.count)
        #expect(Self.embeddedBytes == Self.fresh,
                "Plugins/LexiconSentiment/Image/lexicon.image is stale: run swift run lexicon-image")
        #expect(LexiconImage.build(.embedded) == Self.fresh, "building twice gives the same bytes")
    }

    @Test func everyBuiltEntryReadsBackFromTheImage() throws {
        let lexicon = try Lexicon(copying: Self.fresh)
        let builder = LexiconBuilder.standard(.embedded)
        #expect(lexicon.terms.count == builder.terms.count && builder.terms.count > 7_400)
        for (key, term) in builder.terms {
            let index = lexicon.terms.lookup(key)
            try #require(index >= 0, "\(String(decoding: key, as: UTF8.self))")
            let read = lexicon.terms.terms[index]
            #expect(read.valence == term.valence && read.scalar == term.scalar && read.flags == term.flags
                    && read.role == term.role && read.stopwordLanguages == term.stopwordLanguages
                    && read.quantityPolarity == term.quantityPolarity && read.direction == term.direction
                    && read.phraseEndLengths == term.phraseEndLengths, "\(String(decoding: key, as: UTF8.self))")
        }
        #expect(lexicon.terms.lookup(Array("zzqxv-not-a-word".utf8)) == -1)

        #expect(lexicon.phrases.count == builder.phrases.count && builder.phrases.count > 50)
        for (key, phrase) in builder.phrases {
            let read = try #require(lexicon.phrases.lookup(key))
            #expect(read.kind == phrase.kind && read.value == phrase.value && read.length == phrase.length)
        }
        #expect(lexicon.phrases.lookup(12_345) == nil)

        let trigrams = TrigramModel.parse(records: LexiconSources.embedded.languageTrigrams)
        #expect(lexicon.trigrams.languages == trigrams.languages)
        #expect(lexicon.trigrams.missing == trigrams.missing)
        #expect(lexicon.trigrams.count == trigrams.entries.count && trigrams.entries.count > 3_000)
        for entry in trigrams.entries { #expect(lexicon.trigrams.penalties(entry.key) == entry.row) }
        #expect(lexicon.trigrams.penalties(TrigramModel.key(0x3b1, 0x3b2, 0x3b3)) == trigrams.missing)
    }

    @Test func theEmbeddedLexiconIsTheStandardOne() throws {
        let embedded = try Lexicon.embedded.get()
        #expect(embedded === Lexicon.standard)
        #expect(embedded.term("unbearable")?.valence == -2.5)
    }

    @Test func aDamagedImageIsRefused() throws {
        func refusal(_ change: (inout [UInt8]) -> Void) -> String? {
            var image = Self.fresh
            change(&image)
            do {
                _ = try Lexicon(copying: image)
                return nil
            } catch {
                return error.description
            }
        }
        func setWord(_ field: LexiconImage.HeaderField, _ value: UInt64, in image: inout [UInt8]) {
            for i in 0..<8 { image[field.rawValue * 8 + i] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(i))) }
        }
        #expect(refusal { _ in } == nil)
        #expect(refusal { $0 = Array($0.prefix(40)) }?.contains("shorter than its header") == true)
        #expect(refusal { $0.removeLast() }?.contains("bytes where its counts give") == true)
        #expect(refusal { $0.append(0) }?.contains("bytes where its counts give") == true)
        #expect(refusal { $0[0] ^= 1 }?.contains("not an image of this format") == true)
        #expect(refusal { setWord(.layoutFingerprint, 7, in: &$0) }?.contains("another memory layout") == true)
        #expect(refusal { setWord(.termCapacity, 3 << 20, in: &$0) }?.contains("does not hold") == true)
        #expect(refusal { setWord(.phraseCount, 1 << 40, in: &$0) }?.contains("out of range") == true)
        #expect(refusal { image in  // a count no larger than its table's capacity
            let capacity = image.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: LexiconImage.HeaderField.trigramCapacity.rawValue * 8, as: UInt64.self) }
            setWord(.trigramCount, capacity, in: &image)
        }?.contains("does not hold") == true)
    }

    @Test func anUnalignedImageIsRefused() {
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.fresh.count + 1, alignment: 16)
        defer { storage.deallocate() }
        storage.baseAddress!.advanced(by: 1).copyMemory(from: Self.fresh, byteCount: Self.fresh.count)
        #expect(throws: LexiconImage.Refusal.self) {
            try Lexicon(image: UnsafeRawBufferPointer(start: storage.baseAddress! + 1, count: Self.fresh.count))
        }
    }
}
