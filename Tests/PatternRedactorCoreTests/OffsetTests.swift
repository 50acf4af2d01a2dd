import PatternRedactorCore
import Testing

/// Entity offsets count Unicode scalars, however many bytes the text before them takes.
@Suite("Scalar offsets") struct OffsetTests {
    @Test("non-ASCII text before and between matches", arguments: [
        "Café crème: ana@example.com", "😀😀 ana@example.com", "👨‍👩‍👧 family: ana@example.com", "e\u{301}te\u{301} ana@example.com",
        "日本語のテキスト ana@example.com", "Ελληνικά ana@example.com", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ana@example.com", "ana@example.com",
    ])
    func prefix(text: String) throws {
        let entity = try #require(PIIDetector().detect(text).first)
        let begin = try #require(scalarOffset(of: "ana@example.com", in: text))
        #expect(entity.begin == begin)
        #expect(entity.end == begin + 15)
    }

    @Test("several matches with multi-byte text in between")
    func several() {
        let text = "Zoë 📞 (415) 555-0123 — ünd 🇩🇪 DE89 3704 0044 0532 0130 00 · über https://example.com/ok ✓"
        let found = PIIDetector().detect(text)
        let expected = [("(415) 555-0123", PIIType.phone), ("DE89 3704 0044 0532 0130 00", .iban), ("https://example.com/ok", .url)]
        #expect(found.count == expected.count)
        for (entity, (needle, type)) in zip(found, expected) {
            let begin = scalarOffset(of: needle, in: text)
            #expect(entity.type == type)
            #expect(entity.begin == begin)
            #expect(entity.end == begin.map { $0 + needle.unicodeScalars.count })
        }
    }

    @Test("a letter or digit from another script glued to a number makes it part of a word")
    func nonASCIIWordBoundaries() {
        #expect(spans("é123-45-6789") == [])
        #expect(spans("١123-45-6789") == [])  // Arabic-Indic digit one
        #expect(spans("€123-45-6789") == [Span(.usSSN, "123-45-6789")])
        #expect(spans("😀123-45-6789😀") == [Span(.usSSN, "123-45-6789")])
        #expect(spans("\u{a0}123-45-6789\u{a0}") == [Span(.usSSN, "123-45-6789")])
    }

    @Test("invalid UTF-8 counts one scalar per ill-formed subpart, as String does")
    func invalidUTF8() {
        let prefixes: [[UInt8]] = [
            [0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0x80, 0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF],
            [0xF4, 0x90, 0x80, 0x80], [0xE0, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80, 0xFF],
        ]
        for prefix in prefixes {
            let bytes = prefix + Array(" ana@example.com ".utf8) + prefix
            let decoded = String(decoding: bytes, as: UTF8.self)
            let found = detect(bytes: bytes)
            let begin = scalarOffset(of: "ana@example.com", in: decoded)
            #expect(found.map(\.begin) == [begin].compactMap { $0 }, "prefix \(prefix)")
            #expect(found.map(\.end) == [begin.map { $0 + 15 }].compactMap { $0 }, "prefix \(prefix)")
        }
    }

    @Test("an invalid byte right before a number acts as a separator")
    func invalidByteBoundary() {
        let found = detect(bytes: [0xFF] + Array("123-45-6789".utf8) + [0xFE])
        #expect(found == [PIIEntity(type: .usSSN, begin: 1, end: 12, score: 0.85)])
    }
}
