extension LexiconImage {
    /// Builds the tables from `sources` and freezes them into an image: what `lexicon-image`
    /// writes to `Image/lexicon.image`. The same sources always give the same bytes.
    package static func build(_ sources: LexiconSources) -> [UInt8] {
        let builder = LexiconBuilder.standard(sources)
        let trigrams = TrigramModel.parse(records: sources.languageTrigrams)
        return write(
            terms: builder.terms.map { (key: $0.key, term: $0.value) }.sorted { $0.key.lexicographicallyPrecedes($1.key) },
            phrases: builder.phrases.map { (key: $0.key, phrase: $0.value) }.sorted { $0.key < $1.key },
            trigrams: trigrams.entries, missing: trigrams.missing, languages: trigrams.languages)
    }

    /// The image of these tables. Terms and phrases go in the order given; a repeated trigram
    /// key keeps its last row.
    static func write(
        terms: [(key: [UInt8], term: Term)], phrases: [(key: UInt64, phrase: Phrase)],
        trigrams: [(key: UInt64, row: TrigramModel.Row)], missing: TrigramModel.Row, languages: [String]
    ) -> [UInt8] {
        let languageBytes = Array(languages.joined(separator: "\n").utf8)
        var words = [UInt64](repeating: 0, count: HeaderField.allCases.count)
        func set(_ field: HeaderField, _ value: Int) { words[field.rawValue] = UInt64(value) }
        words[HeaderField.magic.rawValue] = magic
        words[HeaderField.layoutFingerprint.rawValue] = layoutFingerprint
        set(.termCount, terms.count)
        set(.termCapacity, capacity(for: terms.count))
        set(.keyBytes, terms.reduce(0) { $0 + $1.key.count })
        set(.phraseCapacity, capacity(for: phrases.count))
        set(.phraseCount, Set(phrases.map(\.key)).count)
        set(.trigramCapacity, capacity(for: trigrams.count))
        set(.trigramCount, Set(trigrams.map(\.key)).count)
        set(.languageBytes, languageBytes.count)
        let layout = Layout(words: words)

        var image = [UInt8](repeating: 0, count: layout.size)
        image.withUnsafeMutableBytes { raw in
            for (index, word) in words.enumerated() { raw.storeBytes(of: word.littleEndian, toByteOffset: index * 8, as: UInt64.self) }
            writeTerms(terms, into: raw, layout: layout, capacity: Int(words[HeaderField.termCapacity.rawValue]))
            let phraseSlots = keyedSlots(phrases.map(\.key), into: raw, at: layout.offset(.phraseKeys),
                                         capacity: Int(words[HeaderField.phraseCapacity.rawValue]))
            for (slot, entry) in zip(phraseSlots, phrases) {
                let base = layout.offset(.phrases) + slot * MemoryLayout<Phrase>.stride
                store(entry.phrase, \.kind, into: raw, at: base)
                store(entry.phrase, \.value, into: raw, at: base)
                store(entry.phrase, \.length, into: raw, at: base)
            }
            let trigramSlots = keyedSlots(trigrams.map(\.key), into: raw, at: layout.offset(.trigramKeys),
                                          capacity: Int(words[HeaderField.trigramCapacity.rawValue]))
            let rowStride = MemoryLayout<TrigramModel.Row>.stride
            for slot in 0..<Int(words[HeaderField.trigramCapacity.rawValue]) {  // empty slots hold `missing`
                raw.storeBytes(of: missing, toByteOffset: layout.offset(.trigramRows) + slot * rowStride, as: TrigramModel.Row.self)
            }
            for (slot, entry) in zip(trigramSlots, trigrams) {
                raw.storeBytes(of: entry.row, toByteOffset: layout.offset(.trigramRows) + slot * rowStride, as: TrigramModel.Row.self)
            }
            raw.storeBytes(of: missing, toByteOffset: layout.offset(.missingRow), as: TrigramModel.Row.self)
            for (i, byte) in languageBytes.enumerated() { raw[layout.offset(.languages) + i] = byte }
        }
        return image
    }

    /// A power of two at least twice `count` (and at least 16): tables stay at most half full.
    private static func capacity(for count: Int) -> Int {
        var capacity = 16
        while capacity < count * 2 { capacity <<= 1 }
        return capacity
    }

    /// Fills the term table's sections; the slot probing matches `TermTable.lookup`.
    private static func writeTerms(
        _ terms: [(key: [UInt8], term: Term)], into raw: UnsafeMutableRawBufferPointer, layout: Layout, capacity: Int
    ) {
        let mask = capacity - 1
        var keyOffset = 0
        for (index, entry) in terms.enumerated() {
            precondition(entry.key.count <= Int(UInt16.max), "lexicon key too long")
            for (i, byte) in entry.key.enumerated() { raw[layout.offset(.termKeyBytes) + keyOffset + i] = byte }
            raw.storeBytes(of: UInt32(keyOffset), toByteOffset: layout.offset(.termKeyOffsets) + index * 4, as: UInt32.self)
            raw.storeBytes(of: UInt16(entry.key.count), toByteOffset: layout.offset(.termKeyLengths) + index * 2, as: UInt16.self)
            keyOffset += entry.key.count
            let base = layout.offset(.terms) + index * MemoryLayout<Term>.stride
            store(entry.term, \.valence, into: raw, at: base)
            store(entry.term, \.scalar, into: raw, at: base)
            store(entry.term, \.flags, into: raw, at: base)
            store(entry.term, \.role, into: raw, at: base)
            store(entry.term, \.stopwordLanguages, into: raw, at: base)
            store(entry.term, \.quantityPolarity, into: raw, at: base)
            store(entry.term, \.direction, into: raw, at: base)
            store(entry.term, \.phraseEndLengths, into: raw, at: base)

            let hash = TermTable.hash(entry.key)
            var slot = TermTable.slotIndex(hash, mask)
            let slots = layout.offset(.termSlots)
            while raw.load(fromByteOffset: slots + slot * 8, as: UInt64.self) != 0 { slot = (slot + 1) & mask }
            raw.storeBytes(of: (hash & 0xffff_ffff_0000_0000) | UInt64(index + 1), toByteOffset: slots + slot * 8, as: UInt64.self)
        }
    }

    /// Places each key in the `KeyedTable` whose keys start at `offset`, probing as its lookup
    /// does; returns each key's slot (a repeated key gets the slot of its first occurrence).
    private static func keyedSlots(_ keys: [UInt64], into raw: UnsafeMutableRawBufferPointer, at offset: Int, capacity: Int) -> [Int] {
        let mask = capacity - 1
        return keys.map { key in
            precondition(key != 0, "0 marks an empty slot")
            var slot = KeyedTable<Void>.slot(key, mask)
            while true {
                let present = raw.load(fromByteOffset: offset + slot * 8, as: UInt64.self)
                if present == key { return slot }
                if present == 0 {
                    raw.storeBytes(of: key, toByteOffset: offset + slot * 8, as: UInt64.self)
                    return slot
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Writes one stored property of `root` (whose image starts at `base`) at its offset, so
    /// padding stays zero and the same tables always give the same bytes.
    private static func store<Root, Field>(_ root: Root, _ field: KeyPath<Root, Field>, into raw: UnsafeMutableRawBufferPointer, at base: Int) {
        raw.storeBytes(of: root[keyPath: field], toByteOffset: base + MemoryLayout<Root>.offset(of: field)!, as: Field.self)
    }
}
