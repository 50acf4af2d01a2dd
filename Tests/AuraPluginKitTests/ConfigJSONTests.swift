import AuraPluginKit
import Testing

/// The one JSON reader of the Swift plugins.
@Suite struct ConfigJSONTests {
    private func parse(_ text: String) throws(ConfigError) -> ConfigJSON.Value? {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBytes { raw in
            Result { () throws(ConfigError) in try ConfigJSON.parseConfig(raw) }
        }.get()
    }

    @Test func blankConfigsAreNil() throws {
        for blank in ["", "  \n\t"] { #expect(try parse(blank) == nil) }
        #expect(try ConfigJSON.parseConfig(UnsafeRawBufferPointer(start: nil, count: 0)) == nil)
    }

    @Test func stringsWithEscapesParse() throws {
        let value = try parse(#"{"k\u00e9\ud83d\ude00\n": [true, false, null, -1.5e2, "x"]}"#)
        #expect(value == .object([("ké😀\n", .array([.bool(true), .bool(false), .null, .number(-150), .string("x")]))]))
    }

    @Test(arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "1e999", "\"\\ud800\"", "\"a\u{1}b\"", "{} x"])
    func malformedJSONNamesTheByte(_ text: String) {
        #expect {
            _ = try parse(text)
        } throws: { error in
            (error as? ConfigError)?.message.hasPrefix("malformed config JSON at byte ") == true
        }
    }

    @Test func nestingIsLimited() {
        let deep = String(repeating: "[", count: ConfigJSON.maxDepth + 1) + String(repeating: "]", count: ConfigJSON.maxDepth + 1)
        #expect(throws: ConfigError.self) { try parse(deep) }
    }

    @Test func configMembersRefuseUnknownRepeatedAndNonObjects() throws {
        let known = ["a", "b"]
        #expect(try parse(#"{"b": 1, "a": 2}"#)!.configMembers(known: known).map(\.key) == ["b", "a"])
        #expect(throws: ConfigError("unknown config key \"c\"; known: a, b")) { try parse(#"{"c": 1}"#)!.configMembers(known: known) }
        #expect(throws: ConfigError("duplicate config key \"a\"")) { try parse(#"{"a": 1, "a": 2}"#)!.configMembers(known: known) }
        #expect(throws: ConfigError("config must be a JSON object")) { try parse("[1]")!.configMembers(known: known) }
        let long = String(repeating: "x", count: 50)
        #expect(throws: ConfigError("unknown config key \"\(String(repeating: "x", count: 40))...\"; known: a, b")) {
            try parse("{\"\(long)\": 1}")!.configMembers(known: known)
        }
    }
}
