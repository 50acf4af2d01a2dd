import Testing
@testable import AuraBytes

@Suite struct TextSearchTests {
    @Test func findsTheFirstOccurrenceAsAUTF8Offset() {
        #expect("invalid ELF header".utf8Offset(of: "ELF") == 8)
        #expect("abcabc".utf8Offset(of: "bc") == 1)
        #expect("héllo wörld".utf8Offset(of: "wö") == 7)  // é is two bytes
        #expect("abc".utf8Offset(of: "") == 0)
        #expect("".utf8Offset(of: "") == 0)
        #expect("ab".utf8Offset(of: "abc") == nil)
        #expect("abd".utf8Offset(of: "abc") == nil)
        #expect("aaab"[...].utf8Offset(of: "aab") == 1)
    }

    @Test func containsMatchesWholeNeedlesOnly() {
        #expect("file too short".contains(substring: "too short"))
        #expect("file too short".contains(substring: "short"))
        #expect(!"file too short".contains(substring: "shorts"))
        #expect(!"".contains(substring: "a"))
        #expect("😀 smile".contains(substring: "😀"))
    }

    @Test func replacingEveryOccurrenceLeftToRightWithoutOverlap() {
        #expect("a<b<c".replacing(every: "<", with: "\\u003c") == "a\\u003cb\\u003cc")
        #expect("aaaa".replacing(every: "aa", with: "b") == "bb")
        #expect("aaa".replacing(every: "aa", with: "b") == "ba")
        #expect("/run/1-plugin.so: bad".replacing(every: "/run/1-plugin.so", with: "/p/plugin.so") == "/p/plugin.so: bad")
        #expect("none here".replacing(every: "x", with: "y") == "none here")
        #expect("ü-ü".replacing(every: "ü", with: "ue") == "ue-ue")
        #expect("abc".replacing(every: "abc", with: "") == "")
    }
}
