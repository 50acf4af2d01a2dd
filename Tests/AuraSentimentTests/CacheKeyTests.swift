import AuraCrypto
@testable import AuraSentiment
import Testing

@Suite struct CacheKeyTests {
    /// The key hashes the text with whitespace runs collapsed and ends trimmed, then each of
    /// analyzer, language hint and redactor after a zero byte: checked against one SHA-256 of
    /// exactly those bytes.
    @Test(arguments: [
        ("  The   movie\twas \n\n great!! ", "The movie was great!!"),
        ("great", "great"),
        ("", ""),
        (" \t\r\n ", ""),
        ("a b", "a b"),
        ("\u{00A0}é  ü\u{00A0}", "\u{00A0}é ü\u{00A0}"),  // only ASCII whitespace collapses
    ])
    func normalizedTextThenTheOptions(text: String, normalized: String) {
        let expected = Crypto.sha256(Array(normalized.utf8) + [0] + Array("lexicon@1".utf8) + [0] + Array("en".utf8) + [0])
        #expect(CacheKey.make(text: text, exact: false, analyzer: "lexicon@1", languageHint: "en", redactor: "") == expected)
    }

    @Test func anExactKeyKeepsTheWhitespace() {
        let text = "  two  spaces "
        let expected = Crypto.sha256(Array(text.utf8) + [0, 0x61, 0, 0, 0x72])
        #expect(CacheKey.make(text: text, exact: true, analyzer: "a", languageHint: "", redactor: "r") == expected)
        #expect(CacheKey.make(text: text, exact: false, analyzer: "a", languageHint: "", redactor: "r") != expected)
    }

    @Test func everyOptionChangesTheKey() {
        let base = CacheKey.make(text: "t", exact: false, analyzer: "a", languageHint: "h", redactor: "r")
        #expect(CacheKey.make(text: "t", exact: false, analyzer: "b", languageHint: "h", redactor: "r") != base)
        #expect(CacheKey.make(text: "t", exact: false, analyzer: "a", languageHint: "i", redactor: "r") != base)
        #expect(CacheKey.make(text: "t", exact: false, analyzer: "a", languageHint: "h", redactor: "s") != base)
        // The separators keep parts apart: "ab" + "" differs from "a" + "b".
        #expect(CacheKey.make(text: "t", exact: false, analyzer: "ab", languageHint: "", redactor: "")
            != CacheKey.make(text: "t", exact: false, analyzer: "a", languageHint: "b", redactor: ""))
    }
}
