/// What the scanner learns about a text's language while it reads the words for sentiment.
struct LanguageEvidence {
    /// Words with at least one letter.
    var words = 0
    /// Function-word hits per identified language (lane i = `Language.identified[i]`).
    var stopwordHits = SIMD8<Int32>(repeating: 0)
    /// English content words (VADER's and our lexicon) that are no function word of any language.
    var englishContentWords = 0
    /// Letters of Latin script (ASCII and accented) and of other scripts (or undecodable bytes).
    var latinLetters = 0
    var otherLetters = 0

    @inline(__always)
    mutating func word(_ term: Term?) {
        words += 1
        guard let term else { return }
        let mask = term.stopwordLanguages
        if mask != 0 {
            for lane in 0..<Language.identified.count where mask & (1 << UInt8(lane)) != 0 {
                stopwordHits[lane] += 1
            }
        } else if term.flags.contains(.english) {
            englishContentWords += 1
        }
    }
}
