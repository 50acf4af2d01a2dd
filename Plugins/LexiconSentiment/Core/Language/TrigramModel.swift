/// A character-trigram language model: for each language, a penalty -ln P(trigram) per trigram
/// (scaled by 16, see `data/language-trigrams.tsv`), for the 7 identified languages and a few
/// reject classes that stand for "some other language".
struct TrigramModel: Sendable {
    typealias Row = SIMD16<UInt8>

    /// Column names: `Language.identified`, then the reject classes.
    let languages: [String]
    private let rows: KeyedTable<Row>
    /// Penalties of a trigram the model has not kept.
    let missing: Row
    /// The number of trigrams kept.
    var count: Int { rows.count }

    /// Packs three scalars (space = word boundary) into a key (never 0).
    @inline(__always)
    static func key(_ a: UInt32, _ b: UInt32, _ c: UInt32) -> UInt64 {
        (UInt64(a) << 42 | UInt64(b) << 21 | UInt64(c)) &+ 1
    }

    init(languages: [String], rows: KeyedTable<Row>, missing: Row) {
        self.languages = languages
        self.rows = rows
        self.missing = missing
    }

    /// The columns, the penalties of a missing trigram and the kept trigrams of
    /// `language-trigrams.tsv`'s records, in the file's order.
    static func parse(records: UnsafeBufferPointer<UInt8>) -> (languages: [String], missing: Row, entries: [(key: UInt64, row: Row)]) {
        var languages: [String] = []
        var missing = Row(repeating: 255)
        var entries: [(key: UInt64, row: Row)] = []
        for fields in RecordReader(records) {
            let name = fields[0].string
            if name == "languages" {
                languages = fields.dropFirst().map { $0.string }
                continue
            }
            var row = Row(repeating: 255)
            for (i, f) in fields.dropFirst().prefix(Row.scalarCount).enumerated() {
                row[i] = UInt8(clamping: Int(f.string) ?? 255)
            }
            if name == "missing" {
                missing = row
                continue
            }
            let scalars = name.unicodeScalars.map { $0 == "_" ? 0x20 : $0.value }
            guard scalars.count == 3 else { continue }
            entries.append((TrigramModel.key(scalars[0], scalars[1], scalars[2]), row))
        }
        precondition(Array(languages.prefix(Language.identified.count)) == Language.identified,
                     "trigram model columns must start with the identified languages")
        return (languages, missing, entries)
    }

    /// The penalties of one trigram.
    @inline(__always)
    func penalties(_ key: UInt64) -> Row { rows.lookup(key) ?? missing }

    /// Sums the penalties of the trigrams of the first `limit` bytes of `text`, letters lower-cased
    /// and every run of non-letters read as one word boundary. Returns the sums and the number of
    /// trigrams scored.
    func score(_ text: UnsafeRawBufferPointer, limit: Int) -> (sums: SIMD16<Int32>, trigrams: Int) {
        var sums = SIMD16<Int32>(repeating: 0)
        var trigrams = 0
        guard let base = text.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return (sums, 0) }
        let n = min(text.count, limit)
        // As langdetect builds its profiles: a word boundary resets the window to " ", so
        // trigrams are " ab", "abc" and "bc " but never span two words.
        var previous: UInt32 = 0x20
        var last: UInt32 = 0x20
        var i = 0
        @inline(__always) func push(_ c: UInt32) {
            if last == 0x20 {
                if c != 0x20 {
                    previous = 0x20
                    last = c
                }
                return
            }
            sums &+= SIMD16<Int32>(truncatingIfNeeded: penalties(TrigramModel.key(previous, last, c)))
            trigrams += 1
            previous = last
            last = c
        }
        while i < n {
            let (s, length) = UTF8Decoding.decode(base, i, n)
            i += length
            if s < 0x80 {
                let lower = s | 0x20
                push(lower >= 0x61 && lower <= 0x7a ? lower : 0x20)
            } else {
                switch UTF8Decoding.classify(s) {
                case .latinLetter, .otherLetter: push(UTF8Decoding.lowercased(s))
                case .ignorable: continue
                case .symbol, .punctuation, .space, .apostrophe: push(0x20)
                }
            }
        }
        push(0x20)
        return (sums, trigrams)
    }
}
