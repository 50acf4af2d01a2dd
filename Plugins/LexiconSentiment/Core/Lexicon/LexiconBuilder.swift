/// Collects terms and phrases from the data files (VADER's lexicon and emoji table, then ours,
/// which wins), before `LexiconImage` freezes them into hash tables.
struct LexiconBuilder {
    var terms: [[UInt8]: Term] = [:]
    var phrases: [UInt64: Phrase] = [:]

    /// VADER's lexicon and emoji, our additions, the stopword lists and the rule words.
    static func standard(_ sources: LexiconSources) -> LexiconBuilder {
        var builder = LexiconBuilder()
        builder.addVaderLexicon(sources.vaderLexicon)
        builder.addVaderEmoji(sources.vaderEmoji)
        builder.addAuraLexicon(sources.auraLexicon)
        builder.addStopwords(sources.stopwords)
        builder.addRoles()
        return builder
    }

    // MARK: Sources

    /// `token<TAB>valence` records; a later duplicate wins, as in VADER's loader.
    mutating func addVaderLexicon(_ records: UnsafeBufferPointer<UInt8>) {
        for fields in RecordReader(records) where fields.count >= 2 {
            guard let valence = fields[1].double else { continue }
            let token = fields[0].array
            if token.contains(0x20) {
                let words = token.split(separator: 0x20).map(Array.init)
                // "( '}{' )" is an emoticon with spaces, which the scanner never sees as one token.
                if words.allSatisfy(LexiconBuilder.isWord) {
                    addPhrase(words, Phrase(kind: .sentiment, value: Float(valence), length: UInt8(words.count)))
                }
                continue
            }
            update(token) {
                $0.valence = Float(valence)
                $0.flags.insert(LexiconBuilder.isWord(token) ? .english : .symbol)
            }
        }
    }

    /// `emoji<TAB>description` records. VADER replaces an emoji by its description and scores
    /// the words; we give the emoji the sum of its description words' valences directly.
    mutating func addVaderEmoji(_ records: UnsafeBufferPointer<UInt8>) {
        for fields in RecordReader(records) where fields.count >= 2 {
            let key = LexiconBuilder.symbolKey(fields[0].array)
            guard !key.isEmpty, terms[key] == nil else { continue }
            var valence: Float = 0
            for word in fields[1].array.split(separator: 0x20) {
                valence += terms[Array(word)]?.valence ?? 0
            }
            if valence != 0 {
                update(key) {
                    $0.valence = valence
                    $0.flags.insert(.symbol)
                }
            }
        }
    }

    /// Our `kind<TAB>term<TAB>value` records (see data/aura-lexicon.tsv).
    mutating func addAuraLexicon(_ records: UnsafeBufferPointer<UInt8>) {
        for fields in RecordReader(records) where fields.count >= 2 {
            let kind = fields[0].string
            let term = fields[1].array
            let value = fields.count > 2 ? fields[2].string : ""
            let words = term.split(separator: 0x20).map(Array.init)
            let number = Float(value) ?? 0
            switch kind {
            case _ where kind == "word" || (kind == "idiom" && words.count == 1):
                let key = LexiconBuilder.isWord(term) ? term : LexiconBuilder.symbolKey(term)
                update(key) {
                    $0.valence = number
                    $0.flags.insert(LexiconBuilder.isWord(term) ? .english : .symbol)
                }
            case "idiom":
                addPhrase(words, Phrase(kind: .sentiment, value: number, length: UInt8(words.count)))
            case "modifier" where words.count == 1:
                update(term) {
                    $0.scalar = number
                    $0.flags.formUnion([.modifier, .english])
                }
            case "modifier":
                addPhrase(words, Phrase(kind: .modifier, value: number, length: UInt8(words.count)))
            case "negation" where words.count == 1:
                update(term) { $0.flags.formUnion([.negation, .english]) }
            case "negation":
                addPhrase(words, Phrase(kind: .negation, value: 0, length: UInt8(words.count)))
            case "contrast":
                let after = value == "after"
                if words.count == 1 {
                    update(term) { $0.flags.formUnion([after ? .contrastAfter : .contrastSubordinate, .english]) }
                } else {
                    addPhrase(words, Phrase(kind: after ? .contrastAfter : .contrastSubordinate, value: 0,
                                            length: UInt8(words.count)))
                }
            case "quantity":
                update(term) {
                    $0.quantityPolarity = value == "good" ? 1 : -1
                    $0.flags.insert(.english)
                }
            case "direction":
                update(term) {
                    $0.direction = value == "up" ? 1 : -1
                    $0.valence = 0  // what moves decides: "lowest" unemployment is good news
                    $0.flags.insert(.english)
                }
            default:
                preconditionFailure("aura-lexicon.tsv: unknown kind \(kind)")
            }
        }
    }

    /// `lang<TAB>word word ...` records.
    mutating func addStopwords(_ records: UnsafeBufferPointer<UInt8>) {
        for fields in RecordReader(records) where fields.count >= 2 {
            guard let index = Language.identified.firstIndex(of: fields[0].string) else { continue }
            for word in fields[1].array.split(separator: 0x20) {
                update(Array(word)) {
                    $0.stopwordLanguages |= 1 << UInt8(index)
                    if index == Language.englishIndex { $0.flags.insert(.english) }
                }
            }
        }
    }

    /// Words whose rules look at their neighbours (see `TermRole`).
    mutating func addRoles() {
        let roles: [(String, TermRole)] = [
            ("no", .no), ("least", .least), ("at", .at), ("very", .very), ("never", .never),
            ("so", .soOrThis), ("this", .soOrThis), ("without", .without), ("doubt", .doubt),
            ("not", .not), ("only", .only), ("like", .like), ("yet", .yet), ("enough", .enough), ("and", .and),
            ("can't", .cannot), ("cannot", .cannot), ("couldn't", .cannot), ("cant", .cannot), ("couldnt", .cannot),
        ]
        for (word, role) in roles { update(Array(word.utf8)) { $0.role = role } }
        let likeSubjects = [
            "i", "we", "you", "they", "he", "she", "i'd", "we'd", "you'd", "they'd", "would", "really",
            "also", "still", "totally", "just", "do", "does", "did", "don't", "didn't", "doesn't", "dont",
            "didnt", "doesnt", "definitely", "actually", "always", "i'll", "we'll", "to", "genuinely",
            "absolutely", "kinda", "sorta",
        ]
        for word in likeSubjects { update(Array(word.utf8)) { $0.role = .likeSubject } }
    }

    // MARK: Helpers

    mutating func update(_ key: [UInt8], _ change: (inout Term) -> Void) {
        var term = terms[key] ?? Term()
        change(&term)
        if term.valence != 0 { term.flags.insert(.sentiment) } else { term.flags.remove(.sentiment) }
        terms[key] = term
    }

    /// Registers a phrase; its last word learns that a phrase of this length ends with it.
    mutating func addPhrase(_ words: [[UInt8]], _ phrase: Phrase) {
        guard (2...4).contains(words.count) else { return }
        phrases[PhraseTable.key(words: words)] = phrase
        for word in words.dropLast() where word.contains(0x2d) {
            update(word) { $0.flags.insert(.english) }  // keep "all-time" whole in the scanner
        }
        update(words[words.count - 1]) { $0.phraseEndLengths |= 1 << UInt8(words.count - 2) }
    }

    /// A word as the scanner reads one: letters and digits, with inner apostrophes and hyphens.
    static func isWord(_ token: [UInt8]) -> Bool {
        let scalars = Array(String(decoding: token, as: UTF8.self).unicodeScalars)
        func isLetterOrDigit(_ s: Unicode.Scalar) -> Bool {
            if s.value < 0x80 { return (s >= "a" && s <= "z") || (s >= "0" && s <= "9") }
            let cls = UTF8Decoding.classify(s.value)
            return cls == .latinLetter || cls == .otherLetter
        }
        guard let first = scalars.first, let last = scalars.last, isLetterOrDigit(first), isLetterOrDigit(last)
        else { return false }
        return scalars.allSatisfy { isLetterOrDigit($0) || $0 == "'" || $0 == "-" }
    }

    /// An emoji's key: its UTF-8 without variation selectors, as the scanner looks symbols up.
    static func symbolKey(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let scalars = String(decoding: bytes, as: UTF8.self).unicodeScalars
        for scalar in scalars where UTF8Decoding.classify(scalar.value) != .ignorable || scalar.value < 0x80 {
            out.append(contentsOf: Array(String(scalar).utf8))
        }
        return out
    }
}
