import Testing
@testable import AuraDocuments

@Suite struct CSVFormatTests {
    private let review = DocumentFormat.csv(column: "review")

    @Test func theRecordIsTheNamedColumnsValue() {
        let outcome = split("id,review,stars\n1,great,5\r\n2,awful,1\n3,fine,3", as: review)
        #expect(outcome == Outcome(records: records([(2, "great"), (3, "awful"), (4, "fine")])))
    }

    @Test func quotedFieldsHoldCommasDoubledQuotesAndLineBreaks() {
        let document = "id,review\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\nhere\"\n4,\"\"\"\"\n5,last\n"
        let outcome = split(document, as: review)
        #expect(outcome == Outcome(records: records([(2, "a, b"), (3, "say \"hi\""), (4, "two\r\nlines\nhere"), (7, "\""), (8, "last")])))
    }

    @Test func headerNamesMatchAfterTrimmingSpacesAndMayBeQuoted() {
        #expect(split(" id , \"review\"\t\n1,ok\n", as: review).texts == ["ok"])
        #expect(split("id,review\n1,ok\n", as: .csv(column: " review ")).texts == ["ok"])
        #expect(split("id,Review\n1,ok\n", as: review).error?.message == "the CSV header has no column \"review\"; columns: id, Review")
    }

    @Test func aMissingColumnNamesTheColumnsThereAre() {
        let outcome = split("id,text\n1,hello\n", as: review)
        #expect(outcome.error == DocumentError(line: 0, message: "the CSV header has no column \"review\"; columns: id, text"))
    }

    @Test func theColumnNamedTwiceIsAnErrorOtherDuplicatesAreNot() {
        #expect(split("review,id,review\n", as: review).error?.message == "the CSV header has column \"review\" twice (fields 1 and 3)")
        #expect(split(",id,,review,\n,1,,ok,\n", as: review).texts == ["ok"])
    }

    @Test func emptyLinesAreSkippedBeforeTheHeaderAndBetweenRows() {
        let outcome = split("\r\n\nid,review\n\n1,ok\r\n\r\n2,good", as: review)
        #expect(outcome.records == records([(5, "ok"), (7, "good")]))
    }

    @Test func rowsWithABlankValueAreSkipped() {
        let outcome = split("id,review\n1,\n2,\"\"\n3,\"  \"\n4,kept\n", as: review)
        #expect(outcome.records == records([(5, "kept")]))
    }

    @Test func valuesKeepTheirSpaces() {
        #expect(split("review\n  spaced  \n", as: review).texts == ["  spaced  "])
    }

    @Test func rowsMayHaveMoreFieldsThanTheHeader() {
        #expect(split("id,review\n1,ok,extra,fields\n", as: review).texts == ["ok"])
    }

    @Test func aRowWithoutTheColumnIsAnErrorNamingItsLine() {
        let outcome = split("id,stars,review\n1,5,ok\n2,3\n", as: review)
        #expect(outcome.texts == ["ok"])
        #expect(outcome.error == DocumentError(line: 3, message: "line 3: the row has 2 fields; column \"review\" is field 3"))
        #expect(split("id,review\nlonely\n", as: review).error?.message == "line 2: the row has 1 field; column \"review\" is field 2")
    }

    @Test func aQuoteInsideAnUnquotedFieldIsAnError() {
        #expect(split("id,review\n1,say \"hi\"\n", as: review).error?.message
            == "line 2: a quote inside an unquoted field (byte 7); quote the whole field and double the quotes inside")
    }

    @Test func spacesAroundAQuotedFieldAreIgnored() {
        #expect(split("id,review\n1, \"a, b\" \t,x\n2,\t\"c\"  \n", as: review).texts == ["a, b", "c"])
    }

    @Test func textAfterAClosingQuoteIsAnError() {
        #expect(split("id,review\n1,\"a\nb\"c\n", as: review).error?.message
            == "line 3: text after the closing quote of a field (byte 3); a field ends at a comma or at the line's end")
    }

    @Test func aQuotedFieldNeverClosedFailsAtItsOpeningQuote() {
        let outcome = split("id,review\n1,ok\n2,\"open\n3,more\n", as: review)
        #expect(outcome.texts == ["ok"])
        #expect(outcome.error == DocumentError(line: 3, message: "line 3: a quoted field is never closed (byte 3)"))
    }

    @Test func aStrayQuoteNamesItsRowEvenWhenItMakesTheRestOneRecord() {
        let document = "id,review\n1,a 5\" screen\n2,fine\n3,ok\n"
        #expect(split(document, as: review).error?.message
            == "line 2: a quote inside an unquoted field (byte 6); quote the whole field and double the quotes inside")
        #expect(split(document, as: review, limits: DocumentLimits(maxLineBytes: 16)).error?.message
            == "line 2: the CSV record starting here is longer than 16 bytes, the limit (a quote never closed, or a stray quote in an unquoted field?)")
    }

    @Test func aDocumentWithoutAHeaderRowIsAnError() {
        #expect(split("", as: review).error == DocumentError(line: 0, message: "the CSV document has no header row"))
        #expect(split("\n\r\n", as: review).error?.message == "the CSV document has no header row")
    }

    @Test func aHeaderAloneHasNoRecords() {
        #expect(split("id,review\n", as: review) == Outcome())
    }

    @Test func invalidUTF8InAQuotedLineBreakNamesThePhysicalLine() {
        let document = Array("id,review\n1,\"one\ntw".utf8) + [0xC3] + Array("o\"\n".utf8)
        #expect(split(document, as: review).error?.message == "line 3: not valid UTF-8 (byte 3)")
    }

    @Test func invalidUTF8InAnotherColumnFailsToo() {
        let document = Array("id,review\n".utf8) + [0xFF] + Array(",ok\n".utf8)
        #expect(split(document, as: review).error?.message == "line 2: not valid UTF-8 (byte 1)")
    }

    @Test func aByteOrderMarkBeforeTheHeaderIsSkipped() {
        #expect(split("\u{FEFF}review\nok\n", as: review).texts == ["ok"])
    }

    @Test func aValueOverTheRecordLimitFails() {
        let outcome = split("id,review\n1,\"" + String(repeating: "x", count: 6) + "\"\n", as: review, limits: DocumentLimits(maxRecordBytes: 5))
        #expect(outcome.error?.message == "line 2: the record is 6 bytes; the limit is 5")
    }
}
