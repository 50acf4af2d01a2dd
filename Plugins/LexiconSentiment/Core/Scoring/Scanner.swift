/// Reads UTF-8 text byte by byte and feeds tokens to a `RuleEngine`, collecting language
/// evidence on the way. No allocation: a word is lower-cased into a 64-byte scratch buffer
/// and hashed (FNV-1a) as it is read; any byte sequence is safe (invalid UTF-8 reads as letters
/// of an unknown script).
struct Scanner {
    /// Longer words are never in the lexicon; they are read but not looked up.
    static let maxWordBytes = 64

    private let p: UnsafePointer<UInt8>
    private let n: Int
    private let table: TermTable
    private let scratch: UnsafeMutablePointer<UInt8>

    /// `scratch` must hold `maxWordBytes` bytes.
    init(text: UnsafePointer<UInt8>, count: Int, table: TermTable, scratch: UnsafeMutablePointer<UInt8>) {
        p = text
        n = count
        self.table = table
        self.scratch = scratch
    }

    /// Whether the text has a lower-case ASCII letter (so ALL CAPS words stand out). Stops at the
    /// first one, which in ordinary text is within the first few bytes.
    static func hasLowercase(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            if p[i] &- 0x61 < 26 { return true }
            i += 1
        }
        return false
    }

    func run(_ engine: inout RuleEngine, _ evidence: inout LanguageEvidence) {
        var i = 0
        var chunkStart = true
        while i < n {
            let b = p[i]
            if Scanner.isASCIIAlnum(b) {
                if chunkStart && Scanner.startsURL(p, i, n) {
                    i = Scanner.chunkEnd(p, i, n)
                    chunkStart = false
                    continue
                }
                i = word(at: i, &engine, &evidence)
                chunkStart = false
                continue
            }
            if b < 0x80 {
                if b == 0x20 || b == 0x09 {
                    i += 1
                    chunkStart = true
                    continue
                }
                if chunkStart, let end = emoticon(at: i, &engine) {
                    i = end
                    chunkStart = false
                    continue
                }
                if chunkStart && b == UInt8(ascii: "@") {
                    i = Scanner.chunkEnd(p, i, n)  // a @handle is a name, no word of any language
                    chunkStart = false
                    continue
                }
                chunkStart = b == 0x0a || b == 0x0d
                i = punctuation(b, at: i, &engine)
                continue
            }
            let (scalar, length) = UTF8Decoding.decode(p, i, n)
            switch UTF8Decoding.classify(scalar) {
            case .latinLetter, .otherLetter:
                i = word(at: i, &engine, &evidence)
                chunkStart = false
                continue
            case .symbol:
                let h = TermTable.hash(UnsafeBufferPointer(start: p + i, count: length))
                let term = table.lookup(hash: h, key: p + i, length: length)
                if term >= 0 { engine.word(hash: h, term: term, caps: false, elongated: false) }
            case .punctuation:
                engine.clauseBreak()
            case .space:
                chunkStart = true
                i += length
                continue
            case .apostrophe, .ignorable:
                break
            }
            chunkStart = false
            i += length
        }
    }

    // MARK: Punctuation and emoticons

    /// Handles one ASCII punctuation byte; returns the next position.
    @inline(__always)
    private func punctuation(_ b: UInt8, at i: Int, _ engine: inout RuleEngine) -> Int {
        switch b {
        case UInt8(ascii: "!"):
            engine.exclamations += 1
            engine.sentenceBreak()
        case UInt8(ascii: "?"):
            let single = (i == 0 || p[i - 1] != UInt8(ascii: "?")) && (i + 1 == n || p[i + 1] != UInt8(ascii: "?"))
            engine.question(single: single)
        case UInt8(ascii: "."):
            var j = i + 1
            while j < n && p[j] == UInt8(ascii: ".") { j += 1 }
            if j - i > 1 { engine.clauseBreak() } else { engine.sentenceBreak() }
            return j
        case 0x0a, 0x0d:
            engine.sentenceBreak()
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"),
             UInt8(ascii: "\""), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "<"),
             UInt8(ascii: ">"):
            engine.clauseBreak()
        default:
            break  // ' - * # @ & % $ ~ ^ _ ` \ and control bytes: inside a clause
        }
        return i + 1
    }

    /// An emoticon (":)", "<3", ":'(") at the start of a whitespace-delimited chunk, possibly
    /// followed by sentence punctuation. Returns the position after it, or nil.
    private func emoticon(at i: Int, _ engine: inout RuleEngine) -> Int? {
        var end = i
        while end < n && end - i < 12 && p[end] > 0x20 && p[end] < 0x80 { end += 1 }
        var length = end - i
        guard length >= 2 && length < 12 else { return nil }
        for k in 0..<length { scratch[k] = Scanner.lower(p[i + k]) }
        while length >= 2 {
            let h = TermTable.hash(UnsafeBufferPointer(start: scratch, count: length))
            let term = table.lookup(hash: h, key: scratch, length: length)
            if term >= 0 && table.terms[term].flags.contains(.symbol) {
                engine.word(hash: h, term: term, caps: false, elongated: false)
                return i + length
            }
            let last = scratch[length - 1]
            guard last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: "!")
                || last == UInt8(ascii: "?") else { return nil }
            length -= 1
        }
        return nil
    }

    // MARK: Words

    /// Reads the word starting at `start` (letters, digits, inner apostrophes and hyphens,
    /// decimal points inside numbers), looks it up and hands it to the engine.
    private func word(at start: Int, _ engine: inout RuleEngine, _ evidence: inout LanguageEvidence) -> Int {
        var i = start
        var length = 0
        var h = TermTable.fnvOffset
        var upper = 0, lower = 0, digits = 0, latin = 0, other = 0
        var hyphens = 0
        var last: UInt8 = 0
        var run = 0
        var elongated = false

        @inline(__always) func append(_ c: UInt8) {
            if length < Scanner.maxWordBytes { scratch[length] = c }
            length += 1
            h = (h ^ UInt64(c)) &* TermTable.fnvPrime
            if c == last { run += 1; if run == 3 && c > 0x39 { elongated = true } } else { run = 1 }
            last = c
        }

        while i < n {
            let b = p[i]
            if b < 0x80 {
                if b &- 0x61 < 26 {
                    lower += 1
                    append(b)
                } else if b &- 0x41 < 26 {
                    upper += 1
                    append(b | 0x20)
                } else if b &- 0x30 < 10 {
                    digits += 1
                    append(b)
                } else if (b == 0x27 || b == 0x2d) && length > 0 && i + 1 < n && Scanner.continuesWord(p, i + 1, n) {
                    if b == 0x2d { hyphens += 1 }
                    append(b)
                } else if (b == 0x2e || b == 0x2c || b == 0x3a) && last &- 0x30 < 10 && i + 1 < n && p[i + 1] &- 0x30 < 10 {
                    append(b)  // 4.5, 2,000, 7:40
                } else {
                    break
                }
                i += 1
                continue
            }
            let (scalar, size) = UTF8Decoding.decode(p, i, n)
            let cls = UTF8Decoding.classify(scalar)
            if cls == .latinLetter || cls == .otherLetter {
                if cls == .latinLetter { latin += 1 } else { other += 1 }
                let lowered = UTF8Decoding.lowercased(scalar)
                if lowered == scalar || scalar > 0x7ff {
                    for k in 0..<size { append(p[i + k]) }
                } else {  // Latin-1 and Latin Extended-A stay 2-byte when lower-cased
                    append(UInt8(0xc0 | (lowered >> 6)))
                    append(UInt8(0x80 | (lowered & 0x3f)))
                }
            } else if cls == .apostrophe && length > 0 && i + size < n && Scanner.continuesWord(p, i + size, n) {
                append(0x27)
            } else {
                break
            }
            i += size
        }

        let letters = upper + lower + latin + other
        if letters == 0 {
            // A number; "8/10" is a rating.
            if i + 1 < n && p[i] == UInt8(ascii: "/") && p[i + 1] &- 0x30 < 10, let end = rating(at: start, slash: i, &engine) {
                return end
            }
            emit(hash: h, length: length, caps: false, elongated: false, hyphens: 0, &engine, nil)
            return i
        }
        evidence.latinLetters += upper + lower + latin
        evidence.otherLetters += other
        emit(hash: h, length: length, caps: upper >= 2 && lower == 0, elongated: elongated, hyphens: hyphens,
             &engine, &evidence)
        return i
    }

    /// Looks a scanned word up (with fallbacks for inflections, possessives, stretched letters
    /// and hyphenated compounds) and hands it to the engine.
    @inline(__always)
    private func emit(hash h: UInt64, length: Int, caps: Bool, elongated: Bool, hyphens: Int,
                      _ engine: inout RuleEngine, _ evidence: UnsafeMutablePointer<LanguageEvidence>?) {
        var term = length <= Scanner.maxWordBytes ? table.lookup(hash: h, key: scratch, length: length) : -1
        if term < 0 && length <= Scanner.maxWordBytes {
            if hyphens > 0 {
                splitHyphenated(length: length, caps: caps, &engine, evidence)
                return
            }
            term = WordForms.resolve(scratch, length, elongated: elongated, table: table)
        }
        evidence?.pointee.word(term >= 0 ? table.terms[term] : nil)
        engine.word(hash: h, term: term, caps: caps, elongated: elongated)
    }

    private func emit(hash h: UInt64, length: Int, caps: Bool, elongated: Bool, hyphens: Int,
                      _ engine: inout RuleEngine, _ evidence: inout LanguageEvidence) {
        withUnsafeMutablePointer(to: &evidence) {
            emit(hash: h, length: length, caps: caps, elongated: elongated, hyphens: hyphens, &engine, $0)
        }
    }

    /// "well-known" is not in the lexicon: read "well" and "known" as two words.
    private func splitHyphenated(length: Int, caps: Bool, _ engine: inout RuleEngine,
                                 _ evidence: UnsafeMutablePointer<LanguageEvidence>?) {
        // The parts are moved to the front of the scratch buffer one at a time.
        var copy = InlineArray<64, UInt8>(repeating: 0)
        for k in 0..<length { copy[k] = scratch[k] }
        var partStart = 0
        for k in 0...length where k == length || copy[k] == 0x2d {
            let partLength = k - partStart
            if partLength > 0 {
                var h = TermTable.fnvOffset
                for j in 0..<partLength {
                    scratch[j] = copy[partStart + j]
                    h = (h ^ UInt64(scratch[j])) &* TermTable.fnvPrime
                }
                emit(hash: h, length: partLength, caps: caps, elongated: false, hyphens: 0, &engine, evidence)
            }
            partStart = k + 1
        }
    }

    /// "8/10", "4/5": a rating, scaled to a valence of -3 ... +3.
    private func rating(at start: Int, slash: Int, _ engine: inout RuleEngine) -> Int? {
        var score = 0.0, scale = 0.0
        var j = start
        while j < slash {
            guard p[j] &- 0x30 < 10 else { return nil }
            score = score * 10 + Double(p[j] - 0x30)
            j += 1
        }
        j = slash + 1
        while j < n && p[j] &- 0x30 < 10 && j - slash < 5 {
            scale = scale * 10 + Double(p[j] - 0x30)
            j += 1
        }
        guard scale == 5 || scale == 10 || scale == 100, score <= scale else { return nil }
        engine.rating(hash: TermTable.hash(UnsafeBufferPointer(start: p + start, count: j - start)),
                      valence: (score / scale - 0.5) * 6)
        return j
    }

    // MARK: Bytes

    /// The end of the whitespace-delimited chunk at `i`.
    static func chunkEnd(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Int {
        var j = i
        while j < n && p[j] != 0x20 && p[j] != 0x09 && p[j] != 0x0a && p[j] != 0x0d { j += 1 }
        return j
    }

    /// "http://", "https://" or "www." at `i`.
    @inline(__always)
    static func startsURL(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        func has(_ s: StaticString, at k: Int) -> Bool {
            let m = s.utf8CodeUnitCount
            guard k + m <= n else { return false }
            for j in 0..<m where lower(p[k + j]) != s.utf8Start[j] { return false }
            return true
        }
        let b = p[i] | 0x20
        guard b == UInt8(ascii: "h") || b == UInt8(ascii: "w") else { return false }
        return has("http://", at: i) || has("https://", at: i) || has("www.", at: i)
    }

    @inline(__always)
    static func isASCIIAlnum(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    @inline(__always)
    static func lower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Whether the byte at `i` starts a letter or digit (so an apostrophe or hyphen before it is
    /// inside a word).
    @inline(__always)
    static func continuesWord(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return isASCIIAlnum(b) }
        let cls = UTF8Decoding.classify(UTF8Decoding.decode(p, i, n).scalar)
        return cls == .latinLetter || cls == .otherLetter
    }
}
