import Testing
@testable import AuraDocuments

@Suite struct TextFormatTests {
    @Test func theWholeDocumentIsOneRecordWithItsWhitespace() {
        let outcome = split("  first line\r\n\nsecond  \n", as: .text, cuts: [3, 9])
        #expect(outcome == Outcome(records: records([(1, "  first line\r\n\nsecond  \n")])))
    }

    @Test func anEmptyOrBlankDocumentIsAnError() {
        #expect(split("", as: .text).error == DocumentError(line: 0, message: "the document is empty"))
        #expect(split("\u{FEFF}", as: .text).error?.message == "the document is empty")
        #expect(split(" \r\n\t", as: .text).error == DocumentError(line: 0, message: "the document is only whitespace"))
    }

    @Test func theByteOrderMarkIsSkipped() {
        #expect(split("\u{FEFF}hello", as: .text).texts == ["hello"])
    }

    @Test func invalidUTF8NamesItsLineAndByte() {
        #expect(split(Array("one\ntwo ".utf8) + [0xC3, 0x28], as: .text).error?.message == "line 2: not valid UTF-8 (byte 5)")
    }

    @Test func aDocumentOverTheTextLimitFailsAsSoonAsItPassesIt() {
        var splitter = DocumentSplitter(format: .text, limits: DocumentLimits(maxTextBytes: 10))
        let expected = DocumentError(
            line: 0, message: "the document is longer than 10 bytes, the limit for format text (one record); use lines, csv or jsonl for many records")
        #expect(throws: Never.self) { try splitter.feed("0123456789") }
        #expect(throws: expected) { try splitter.feed("x") }
        #expect(splitter.bufferedCapacity <= 10 + pageOfMallocRounding)
        #expect(split("0123456789", as: .text, limits: DocumentLimits(maxTextBytes: 10)).texts == ["0123456789"])
    }

    @Test func theDefaultTextLimitIs5000Bytes() {
        #expect(split(String(repeating: "a", count: 5_000), as: .text).records.count == 1)
        #expect(split(String(repeating: "a", count: 5_001), as: .text).error?.line == 0)
    }
}
