import Glibc
import Testing
@testable import LexiconRecords
@testable import LexiconSentimentCore

/// The generated Swift literals (Records/Generated) match the data files they were generated from,
/// and VADER's valences reach the lookup table unchanged.
@Suite struct LexiconDataTests {
    /// Plugins/LexiconSentiment/data, found from this file's path.
    static let dataDirectory: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(3)  // Tests/LexiconSentimentCoreTests/LexiconDataTests.swift
        return parts.joined(separator: "/") + "/Plugins/LexiconSentiment/data"
    }()

    static func read(_ name: String) -> String? {
        guard let file = fopen(dataDirectory + "/" + name, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n <= 0 { break }
            bytes += chunk[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same rule as generate-lexicon.py's `records`. Works on scalars: as a Character,
    /// "\r\n" is one grapheme and would not split at "\n".
    static func records(_ text: String, firstTwoFields: Bool) -> String {
        let whitespace: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n", "\u{0B}", "\u{0C}"]
        var out: [String] = []
        for var line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.last == "\r" { line = line.dropLast() }
            if firstTwoFields {
                while let c = line.first, whitespace.contains(c) { line = line.dropFirst() }
                while let c = line.last, whitespace.contains(c) { line = line.dropLast() }
                if line.isEmpty { continue }
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false).prefix(2)
                out.append(fields.map { String(String.UnicodeScalarView($0)) }.joined(separator: "\t"))
            } else if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.first == "#" {
                continue
            } else {
                out.append(String(String.UnicodeScalarView(line)))
            }
        }
        return out.joined(separator: "\n")
    }

    static func embedded(_ s: StaticString) -> String { String(decoding: s.bytes, as: UTF8.self) }

    @Test(arguments: [
        ("vader/vader_lexicon.txt", true),
        ("vader/emoji_utf8_lexicon.txt", true),
        ("aura-lexicon.tsv", false),
        ("stopwords.tsv", false),
        ("language-trigrams.tsv", false),
    ])
    func generatedLiteralMatchesDataFile(_ file: (String, Bool)) throws {
        let text = try #require(LexiconDataTests.read(file.0), "cannot read \(file.0)")
        let literal: StaticString = switch file.0 {
        case "vader/vader_lexicon.txt": EmbeddedData.vaderLexicon
        case "vader/emoji_utf8_lexicon.txt": EmbeddedData.vaderEmoji
        case "aura-lexicon.tsv": EmbeddedData.auraLexicon
        case "stopwords.tsv": EmbeddedData.stopwords
        default: EmbeddedData.languageTrigrams
        }
        let expected = LexiconDataTests.records(text, firstTwoFields: file.1)
        #expect(LexiconDataTests.embedded(literal) == expected,
                "\(file.0) changed: rerun python3 Plugins/LexiconSentiment/generate-lexicon.py")
    }

    @Test func vaderLexiconShipsWithItsLicense() throws {
        let license = try #require(LexiconDataTests.read("vader/LICENSE.txt"))
        #expect(license.contains("MIT License") && license.contains("C.J. Hutto"))
        #expect(LexiconDataTests.read("vader/NOTICE.md") != nil)
        #expect(LexiconDataTests.read("langdetect/LICENSE") != nil)
    }

    @Test func vaderValencesReachTheTableUnchanged() throws {
        let vader = try #require(LexiconDataTests.read("vader/vader_lexicon.txt"))
        let ours = try #require(LexiconDataTests.read("aura-lexicon.tsv"))
        // Our overrides: single-word "word"/"idiom" entries and direction words (valence 0).
        var overridden = Set<String>()
        for line in ours.unicodeScalars.split(separator: "\n").map({ String(String.UnicodeScalarView($0)) })
        where !line.hasPrefix("#") {
            let f = line.split(separator: "\t").map(String.init)
            if f.count >= 2 && ["word", "idiom", "direction"].contains(f[0]) && !f[1].contains(" ") { overridden.insert(f[1]) }
        }
        var valences: [String: Float] = [:]  // the last duplicate wins, as in VADER
        for line in LexiconDataTests.records(vader, firstTwoFields: true).unicodeScalars.split(separator: "\n")
            .map({ String(String.UnicodeScalarView($0)) }) {
            let f = line.split(separator: "\t").map(String.init)
            if f.count == 2, !f[0].contains(" "), let v = Float(f[1]) { valences[f[0]] = v }
        }
        #expect(valences.count > 7_400)
        var checked = 0
        for (token, valence) in valences where !overridden.contains(token) {
            let term = Lexicon.standard.term(LexiconBuilder.isWord(Array(token.utf8)) ? token
                : String(decoding: LexiconBuilder.symbolKey(Array(token.utf8)), as: UTF8.self))
            #expect(term?.valence == valence, "\(token)")
            checked += 1
        }
        #expect(checked > 7_300)
        #expect(Lexicon.standard.term("lol")?.valence == 1.8)  // the later of two lines
        #expect(Lexicon.standard.term("unbearable")?.valence == -2.5)  // ours
        #expect(Lexicon.standard.term("very")?.flags.contains(.modifier) == true)
        #expect(Lexicon.standard.term("never")?.flags.contains(.negation) == true)
        #expect(Lexicon.standard.term("😍")?.flags.contains(.symbol) == true)
    }
}
