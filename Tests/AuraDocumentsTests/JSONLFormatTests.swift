import Testing
@testable import AuraDocuments

@Suite struct JSONLFormatTests {
    private let text = DocumentFormat.jsonl(field: "text")

    private func error(_ line: String) -> String? { split(line, as: text).error?.message }

    @Test func theRecordIsTheNamedStringFieldOtherFieldsAreIgnored() {
        let document = """
            {"id": 1, "text": "great", "tags": ["a", {"b": [null, true, false, -1.5e+3]}]}
            {"text":"awful"}\r
              { "meta" : {} , "text" : "fine" , "n" : 0 }
            """
        #expect(split(document, as: text) == Outcome(records: records([(1, "great"), (2, "awful"), (3, "fine")])))
    }

    @Test func escapesAreUndone() {
        let outcome = split(#"{"text": "a\nb\t\"q\" \\ \/ \u00e9\u4E2D \ud83d\ude00 \b\f\r"}"#, as: text)
        #expect(outcome.texts == ["a\nb\t\"q\" \\ / é中 😀 \u{08}\u{0C}\r"])
    }

    @Test func anEscapedFieldNameMatches() {
        #expect(split(#"{"te\u0078t": "ok"}"#, as: text).texts == ["ok"])
    }

    @Test func blankLinesAndBlankStringsAreSkipped() {
        let outcome = split("\n  \r\n{\"text\": \"\"}\n{\"text\": \" \\n \"}\n{\"text\": \"kept\"}\n", as: text)
        #expect(outcome.records == records([(5, "kept")]))
    }

    @Test func aLineThatIsNotAnObjectFails() {
        #expect(error("[1, 2]") == "line 1: not a JSON object")
        #expect(error("\"text\"") == "line 1: not a JSON object")
        #expect(error("42") == "line 1: not a JSON object")
        #expect(error("hello") == "line 1: not valid JSON: unexpected 'h' (byte 1)")
    }

    @Test func aMissingFieldFails() {
        let outcome = split("{\"text\": \"ok\"}\n{\"body\": \"no\"}\n", as: text)
        #expect(outcome.texts == ["ok"])
        #expect(outcome.error == DocumentError(line: 2, message: "line 2: field \"text\" is missing"))
    }

    @Test func aFieldNestedDeeperDoesNotCount() {
        #expect(error(#"{"inner": {"text": "no"}}"#) == "line 1: field \"text\" is missing")
    }

    @Test(arguments: [
        ("1", "a number"), ("-0.5", "a number"), ("{}", "an object"), ("[\"x\"]", "an array"),
        ("true", "a boolean"), ("false", "a boolean"), ("null", "null"),
    ])
    func aFieldThatIsNotAStringFails(value: String, kind: String) {
        #expect(error("{\"text\": \(value)}") == "line 1: field \"text\" is \(kind), not a string")
    }

    @Test func aFieldTwiceFails() {
        #expect(error(#"{"text": "a", "text": "b"}"#) == "line 1: field \"text\" appears twice")
    }

    @Test func anUnpairedSurrogateInTheFieldFails() {
        #expect(error(#"{"text": "ab\ud800"}"#) == "line 1: field \"text\" holds an unpaired UTF-16 surrogate (byte 13)")
        #expect(error(#"{"text": "\udc00\ud800"}"#) == "line 1: field \"text\" holds an unpaired UTF-16 surrogate (byte 11)")
        #expect(split(#"{"other": "\ud800", "text": "ok"}"#, as: text).texts == ["ok"])
    }

    @Test(arguments: [
        (#"{"text": "a"} x"#, "text after the object (byte 15)"),
        (#"{"text": "a",}"#, "expected a field name in quotes (byte 14)"),
        (#"{"text" "a"}"#, "expected ':' after the field name (byte 9)"),
        (#"{"text": "a" "b": 1}"#, "expected ',' or '}' (byte 14)"),
        (#"{"text": "a", "n": [1 2]}"#, "expected ',' or ']' (byte 23)"),
        (#"{"text": "a", "n": [1,]}"#, "unexpected ']' (byte 23)"),
        (#"{"text": "a"#, "a string is never closed (byte 10)"),
        (#"{"text": "a""#, "the line ends where ',' or '}' should be (byte 13)"),
        (#"{"text": "\x"}"#, "an unknown escape (byte 11)"),
        (#"{"text": "\u12"}"#, "\\u needs four hex digits (byte 11)"),
        ("{\"text\": \"a\tb\"}", "a control character in a string (escape it) (byte 12)"),
        (#"{"n": 01, "text": "a"}"#, "expected ',' or '}' (byte 8)"),
        (#"{"n": 1., "text": "a"}"#, "a malformed number (byte 7)"),
        (#"{"n": -, "text": "a"}"#, "a malformed number (byte 7)"),
        (#"{"n": 1e, "text": "a"}"#, "a malformed number (byte 7)"),
        (#"{"n": +1, "text": "a"}"#, "unexpected '+' (byte 7)"),
        (#"{"n": tru, "text": "a"}"#, "unexpected 't' (byte 7)"),
        (#"{"n": NaN, "text": "a"}"#, "unexpected 'N' (byte 7)"),
        (#"{'text': 'a'}"#, "expected a field name in quotes (byte 2)"),
        ("{\"text\": \"a\"}\u{0C}", "text after the object (byte 14)"),
        ("{\"text\": \"a\", \"n\": \u{01}}", "an unexpected control character (byte 20)"),
        (#"{"text": "a", "n": é}"#, "an unexpected character (byte 20)"),
        (#"{"text": "a", "n":"#, "the line ends where a value should be (byte 19)"),
    ])
    func malformedJSONFailsWithWhatAndWhere(line: String, problem: String) {
        #expect(error(line) == "line 1: not valid JSON: \(problem)")
    }

    @Test func quotesEscapesAndControlCharactersAreFoundAtEveryPositionInAString() {
        for position in 0..<20 {
            let before = String(repeating: "a", count: position)
            #expect(split("{\"text\": \"\(before)\\\"b\\\\\"}", as: text).texts == [before + "\"b\\"])
            #expect(split("{\"text\": \"\(before)\u{1F}\"}", as: text).error?.message
                == "line 1: not valid JSON: a control character in a string (escape it) (byte \(11 + position))")
            #expect(split("{\"text\": \"\(before)", as: text).error?.message == "line 1: not valid JSON: a string is never closed (byte 10)")
        }
    }

    @Test func nestingUpTo64LevelsIsAllowed() {
        let deepest = "{\"text\": \"ok\", \"n\": " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63) + "}"
        #expect(split(deepest, as: text).texts == ["ok"])
        let tooDeep = "{\"text\": \"ok\", \"n\": " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64) + "}"
        #expect(error(tooDeep) == "line 1: not valid JSON: nested deeper than 64 levels (byte 84)")
        let objects = String(repeating: "{\"a\":", count: 65) + "1" + String(repeating: "}", count: 65)
        #expect(error(objects) == "line 1: not valid JSON: nested deeper than 64 levels (byte 321)")
    }

    @Test func invalidUTF8FailsBeforeJSON() {
        #expect(split(Array("{\"text\": \"".utf8) + [0xFE] + Array("\"}".utf8), as: text).error?.message == "line 1: not valid UTF-8 (byte 11)")
    }

    @Test func theRecordLimitCountsUnescapedBytes() {
        let limits = DocumentLimits(maxRecordBytes: 3)
        #expect(split(#"{"text": "\u00e9\u00e9"}"#, as: text, limits: limits).error?.message == "line 1: the record is 4 bytes; the limit is 3")
        #expect(split(#"{"text": "\"\"\""}"#, as: text, limits: limits).texts == ["\"\"\""])
    }
}
