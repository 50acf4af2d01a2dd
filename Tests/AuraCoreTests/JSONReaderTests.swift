import AuraCore
import Testing

@Suite("JSON reader")
struct JSONReaderTests {
    private func parse(_ text: String, reader: JSONReader = JSONReader()) throws(JSONError) -> JSONValue {
        try reader.parse(Array(text.utf8))
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#" {"a": [1, -2, 0, 3.5, -1e3, 2E-2], "b": {"c": null, "d": true, "e": false}, "s": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} "#)
        #expect(value == .object([
            "a": .array([.integer(1), .integer(-2), .integer(0), .number(3.5), .number(-1000), .number(0.02)]),
            "b": .object(["c": .null, "d": .bool(true), "e": .bool(false)]),
            "s": .string("x\"\\/\u{8}\u{c}\n\r\té😀"),
        ]))
        #expect(try parse("[]") == .array([]) && parse("{}") == .object([:]) && parse("\"é\"") == .string("é"))
        #expect(try parse("9223372036854775807") == .integer(.max) && parse("-9223372036854775808") == .integer(.min))
    }

    @Test(arguments: [
        ("", "at byte 0: the text ends where a value should start"),
        ("[1,]", "at byte 3: unexpected character ']'"),
        ("{\"a\":1,}", "at byte 7: expected a member name in quotes"),
        ("{\"a\" 1}", "at byte 5: expected ':' after the member name"),
        ("{\"a\":1 \"b\":2}", "at byte 7: expected ',' or '}' in an object"),
        ("[1 2]", "at byte 3: expected ',' or ']' in an array"),
        ("{\"a\":1,\"a\":2}", "at byte 7: the member \"a\" appears twice"),
        ("01", "at byte 1: a number may not start with 0"),
        ("1.", "at byte 2: expected a digit after '.'"),
        ("1e", "at byte 2: expected a digit in the exponent"),
        ("-", "at byte 1: expected a digit"),
        ("+1", "at byte 0: unexpected character '+'"),
        ("NaN", "at byte 0: unexpected character 'N'"),
        ("tru", "at byte 0: unexpected character 't'"),
        ("nulls", "at byte 4: unexpected text after the JSON value"),
        ("1 // comment", "at byte 2: unexpected text after the JSON value"),
        ("9223372036854775808", "at byte 0: the integer 9223372036854775808 is out of range"),
        ("1e999", "at byte 0: the number 1e999 is out of range"),
        ("\"abc", "at byte 4: the text ends inside a string"),
        ("\"a\tb\"", "at byte 2: a control character (0x9) in a string must be escaped"),
        ("\"\\x\"", "at byte 3: unknown escape '\\x'"),
        ("\"\\u12\"", "at byte 5: expected 4 hex digits after \\u"),
        ("\"\\ud800\"", "at byte 7: a lone surrogate in \\u escapes"),
        ("\"\\udc00\"", "at byte 7: a lone surrogate in \\u escapes"),
        ("\"\\ud800\\u0041\"", "at byte 13: a lone surrogate in \\u escapes"),
    ])
    func refusesWhatRFC8259DoesNotAllowSayingWhere(_ text: String, message: String) {
        let error = #expect(throws: JSONError.self) { try parse(text) }
        #expect(error?.description == message)
    }

    @Test func refusesInvalidUTF8InAString() {
        let error = #expect(throws: JSONError.self) { try JSONReader().parse([0x22, 0x61, 0xC3, 0x28, 0x22]) }
        #expect(error?.description == "at byte 5: the string before this is not valid UTF-8")
    }

    @Test func boundsTheSizeAndTheDepth() throws {
        let reader = JSONReader(maximumBytes: 16, maximumDepth: 3)
        #expect(try parse("[[[1]]]", reader: reader) == .array([.array([.array([.integer(1)])])]))
        let deep = #expect(throws: JSONError.self) { try parse("[[[[1]]]]", reader: reader) }
        #expect(deep?.description == "at byte 3: nested deeper than 3 levels")
        let deepObject = #expect(throws: JSONError.self) { try parse(#"{"a":{"b":{"c":{}}}}"#, reader: JSONReader(maximumDepth: 3)) }
        #expect(deepObject?.description == "at byte 15: nested deeper than 3 levels")
        let large = #expect(throws: JSONError.self) { try parse(String(repeating: " ", count: 16) + "1", reader: reader) }
        #expect(large?.description == "the JSON text has 17 bytes, more than the 16 allowed")
        // A hostile file of a million brackets stops at the depth limit, not with a stack overflow.
        #expect(throws: JSONError.self) { try parse(String(repeating: "[", count: 1_000_000)) }
    }

    @Test func writesWhatItReadsBackSortedAndIndented() throws {
        let value = JSONValue.object([
            "b": .array([.integer(-12), .number(0.5), .null, .bool(true)]), "a": .string("q\"\n\u{1}"), "c": .object([:]), "d": .array([]),
        ])
        let text = String(decoding: value.encoded(), as: UTF8.self)
        #expect(text == """
            {
              "a": "q\\"\\n\\u0001",
              "b": [
                -12,
                0.5,
                null,
                true
              ],
              "c": {},
              "d": []
            }

            """)
        #expect(try JSONReader().parse(value.encoded()) == value)
    }
}

@Suite("JSON fields")
struct JSONFieldsTests {
    let fields: JSONFields

    init() throws {
        fields = try JSONFields(JSONReader().parse(Array(#"{"n": 300, "s": "x", "b": true, "list": ["a", 1], "o": {"k": "v", "l": ["w"]}}"#.utf8)))
    }

    @Test func readsMembersByTypeAndNamesTheMemberThatIsWrong() throws {
        #expect(try fields.integer("n", as: Int.self) == 300 && fields.string("s") == "x" && fields.bool("b"))
        #expect(try fields.byName("o") { (object, name) throws(JSONError) in try object.value(name) } == ["k": .string("v"), "l": .array([.string("w")])])
        #expect(try fields.object("o").strings("l") == ["w"] && fields.optionalString("absent") == nil)
        let failures: [(String, () throws -> Void)] = [
            (#""missing" is missing"#, { _ = try fields.string("missing") }),
            (#""n" should be a string, not a number"#, { _ = try fields.string("n") }),
            (#""n": 300 is out of range"#, { _ = try fields.integer("n", as: UInt8.self) }),
            (#""s" should be an integer, not a string"#, { _ = try fields.integer("s", as: Int.self) }),
            (#""list[1]" should be a string, not a number"#, { _ = try fields.strings("list") }),
            (#""o.k" should be a boolean, not a string"#, { _ = try fields.object("o").bool("k") }),
            (#""o.l" should be a string, not an array"#, { _ = try fields.byName("o") { (object, name) throws(JSONError) in try object.string(name) } }),
            ("the document should be an object, not an array", { _ = try JSONFields(.array([])) }),
        ]
        for (message, read) in failures {
            let error = #expect(throws: JSONError.self) { try read() }
            #expect(error?.description == message)
        }
    }
}
