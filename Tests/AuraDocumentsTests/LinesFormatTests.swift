import Testing
@testable import AuraDocuments

@Suite struct LinesFormatTests {
    @Test func oneRecordPerLineWithLFOrCRLFAndALastLineWithoutLineEnd() {
        let outcome = split("first\nsecond\r\nthird", as: .lines)
        #expect(outcome == Outcome(records: records([(1, "first"), (2, "second"), (3, "third")])))
    }

    @Test func emptyAndWhitespaceOnlyLinesAreSkippedButCountAsLines() {
        let outcome = split("\n  \t\r\none\n\r\n\u{0B}\u{0C}\ntwo\n\n", as: .lines)
        #expect(outcome.records == records([(3, "one"), (6, "two")]))
        #expect(outcome.error == nil)
    }

    @Test func surroundingWhitespaceAndALoneCRAreKept() {
        #expect(split("  padded \t\r\nin\rside\n", as: .lines).texts == ["  padded \t", "in\rside"])
    }

    @Test func onlyOneTrailingCRIsALineEnd() {
        #expect(split("a\r\r\n", as: .lines).texts == ["a\r"])
    }

    @Test func anEmptyDocumentHasNoRecordsAndNoError() {
        #expect(split("", as: .lines) == Outcome())
        #expect(split("\n\n \n", as: .lines) == Outcome())
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() {
        #expect(split("\u{FEFF}one\ntwo", as: .lines).texts == ["one", "two"])
        #expect(split([0xEF, 0xBB, 0xBF], as: .lines) == Outcome())
    }

    @Test func aByteOrderMarkElsewhereIsText() {
        #expect(split("one\n\u{FEFF}two", as: .lines).texts == ["one", "\u{FEFF}two"])
    }

    @Test func aPartialByteOrderMarkIsInvalidUTF8() {
        let outcome = split([0xEF, 0xBB, 0x61, 0x0A], as: .lines, cuts: [1, 2])
        #expect(outcome.error?.message == "line 1: not valid UTF-8 (byte 1)")
        #expect(split([0xEF], as: .lines).error?.message == "line 1: not valid UTF-8 (byte 1)")
    }

    @Test func invalidUTF8FailsWithItsLineAndByte() {
        let outcome = split(Array("ok\n\nab".utf8) + [0xFF] + Array("c\nnext\n".utf8), as: .lines)
        #expect(outcome.records == records([(1, "ok")]))
        #expect(outcome.error == DocumentError(line: 3, message: "line 3: not valid UTF-8 (byte 3)"))
    }

    @Test(arguments: [
        [0xC0, 0x80],  // overlong
        [0xE0, 0x80, 0x80],  // overlong
        [0xED, 0xA0, 0x80],  // a surrogate
        [0xF4, 0x90, 0x80, 0x80],  // over U+10FFFF
        [0xE2, 0x82],  // cut short by the line end
        [0x80],  // a continuation byte alone
    ] as [[UInt8]])
    func malformedSequencesAreInvalid(sequence: [UInt8]) {
        let outcome = split(Array("x\n1234".utf8) + sequence + [0x0A], as: .lines)
        #expect(outcome.error?.message == "line 2: not valid UTF-8 (byte 5)")
    }

    @Test func aRecordOverTheRecordLimitFailsWithItsLengthAndLine() {
        var document = String(repeating: "ok\n", count: 11)
        document += String(repeating: "é", count: 3_500) + "x\n"
        let outcome = split(document, as: .lines)
        #expect(outcome.records.count == 11)
        #expect(outcome.error == DocumentError(line: 12, message: "line 12: the record is 7,001 bytes; the limit is 5,000"))
    }

    @Test func invalidUTF8ComesBeforeTheRecordLimit() {
        let document = Array("abcdef".utf8) + [0xC3]
        #expect(split(document, as: .lines, limits: DocumentLimits(maxRecordBytes: 4)).error?.message == "line 1: not valid UTF-8 (byte 7)")
    }

    @Test func aRecordAtTheLimitPasses() {
        let limits = DocumentLimits(maxRecordBytes: 4)
        #expect(split("abcd\r\nabcde", as: .lines, limits: limits).error?.message == "line 2: the record is 5 bytes; the limit is 4")
    }

    @Test func blankLinesOverTheRecordLimitAreStillSkipped() {
        #expect(split(String(repeating: " ", count: 9) + "\nok", as: .lines, limits: DocumentLimits(maxRecordBytes: 4)).texts == ["ok"])
    }
}
