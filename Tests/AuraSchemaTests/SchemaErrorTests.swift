import AuraSchema
import Testing

/// Parses `text` and returns the error, or records an issue when it parses.
private func parseError(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ProtoParseError? {
    do {
        _ = try ProtoSchema(parsing: text, fileName: "bad.proto")
        Issue.record("expected a parse error", sourceLocation: sourceLocation)
        return nil
    } catch {
        return error
    }
}

@Suite("Schema errors carry line and column")
struct SchemaErrorTests {
    @Test("a missing semicolon is reported where the next token starts")
    func missingSemicolon() throws {
        let error = try #require(parseError("syntax = \"proto3\";\nmessage M {\n  int32 x = 1\n  int32 y = 2;\n}\n"))
        #expect(error.line == 4)
        #expect(error.column == 3)
        #expect(error.message == "expected \";\" after field x, found \"int32\"")
        #expect(error.description == "bad.proto:4:3: expected \";\" after field x, found \"int32\"")
    }

    @Test("an unknown type names the type at its position")
    func unknownType() throws {
        let error = try #require(parseError("message M {\n  Missing m = 1;\n}"))
        #expect(error.location == SourcePosition(line: 2, column: 3))
        #expect(error.message == "unknown type \"Missing\"")
    }

    @Test("an unknown rpc request type")
    func unknownRPCType() throws {
        let error = try #require(parseError("message M {}\nservice S {\n  rpc Get(Nope) returns (M);\n}"))
        #expect(error.location == SourcePosition(line: 3, column: 11))
    }

    @Test("an rpc type that is an enum, not a message")
    func rpcTypeIsEnum() throws {
        let error = try #require(parseError("enum E { A = 0; }\nservice S { rpc Get(E) returns (E); }"))
        #expect(error.message == "\"E\" is not a message type")
        #expect(error.location == SourcePosition(line: 2, column: 21))
    }

    @Test("unterminated comment and string, and a stray character")
    func lexicalErrors() throws {
        let comment = try #require(parseError("message M {}\n  /* never closed"))
        #expect(comment.location == SourcePosition(line: 2, column: 3))
        #expect(comment.message == "unterminated /* comment")
        let string = try #require(parseError("syntax = \"proto3;\n"))
        #expect(string.location == SourcePosition(line: 1, column: 10))
        #expect(string.message == "unterminated string")
        let stray = try #require(parseError("message M { int32 x = 1; } @"))
        #expect(stray.location == SourcePosition(line: 1, column: 28))
    }

    @Test("columns count characters, not bytes")
    func unicodeColumns() throws {
        let error = try #require(parseError("// héllo wörld\nmessage Ünïcode {}"))
        #expect(error.location == SourcePosition(line: 2, column: 9))
    }

    @Test("duplicate field numbers and names, and JSON name clashes")
    func duplicates() throws {
        let number = try #require(parseError("message M {\n  int32 a = 1;\n  int32 b = 1;\n}"))
        #expect(number.location == SourcePosition(line: 3, column: 13))
        #expect(number.message.contains("already used by a"))
        let name = try #require(parseError("message M { int32 a = 1; string a = 2; }"))
        #expect(name.message.contains("clashes with field a"))
        let json = try #require(parseError("message M { int32 foo_bar = 1; int32 fooBar = 2; }"))
        #expect(json.message.contains("fooBar"))
    }

    @Test("field numbers: zero, too large, implementation-reserved, reserved by the message")
    func fieldNumbers() throws {
        #expect(try #require(parseError("message M { int32 a = 0; }")).message.contains("between 1 and 536870911"))
        #expect(try #require(parseError("message M { int32 a = 536870912; }")).message.contains("between 1 and 536870911"))
        #expect(try #require(parseError("message M { int32 a = 19500; }")).message.contains("reserved for the protobuf implementation"))
        #expect(try #require(parseError("message M { reserved 5 to 7; int32 a = 6; }")).message.contains("reserved number 6"))
        #expect(try #require(parseError("message M { reserved \"a\"; int32 a = 1; }")).message.contains("reserved"))
    }

    @Test("enums: first value must be 0, aliases need allow_alias")
    func enums() throws {
        let first = try #require(parseError("enum E {\n  A = 1;\n}"))
        #expect(first.location == SourcePosition(line: 2, column: 3))
        #expect(first.message.contains("must be 0"))
        #expect(try #require(parseError("enum E { A = 0; B = 0; }")).message.contains("allow_alias"))
        #expect(try #require(parseError("enum E { }")).message.contains("at least one value"))
        #expect(try #require(parseError("enum E { A = 0; A = 1; }")).message.contains("already defined"))
    }

    @Test("duplicate type names, including nested ones")
    func duplicateTypes() throws {
        #expect(try #require(parseError("message M {}\nmessage M {}")).location == SourcePosition(line: 2, column: 9))
        #expect(try #require(parseError("message M { message N {} enum N { A = 0; } }")).message == "\"M.N\" is already defined")
    }

    @Test("proto2, editions, required and groups are refused")
    func unsupported() throws {
        #expect(try #require(parseError("syntax = \"proto2\";")).message.contains("only proto3"))
        #expect(try #require(parseError("edition = \"2023\";")).message.contains("only proto3"))
        #expect(try #require(parseError("message M { required int32 a = 1; }")).message.contains("not allowed in proto3"))
    }

    @Test("bad map keys, bad packed options and bad oneof labels")
    func fieldShapes() throws {
        #expect(try #require(parseError("message M { map<double, int32> m = 1; }")).message.contains("invalid map key type"))
        #expect(try #require(parseError("message M { map<M, int32> m = 1; }")).message.contains("invalid map key type"))
        #expect(try #require(parseError("message M { repeated string s = 1 [packed = true]; }")).message.contains("packed"))
        #expect(try #require(parseError("message M { oneof o { repeated int32 a = 1; } }")).message.contains("oneof field"))
    }

    @Test("unclosed blocks and malformed numbers")
    func structure() throws {
        let unclosed = try #require(parseError("message M {\n  int32 a = 1;\n"))
        #expect(unclosed.message.contains("to close message M"))
        #expect(unclosed.location == SourcePosition(line: 3, column: 1))
        #expect(try #require(parseError("message M { int32 a = 12abc; }")).message.contains("invalid number"))
        #expect(try #require(parseError("message M { int32 a = 99999999999999999999999; }")).message.contains("out of range"))
        #expect(try #require(parseError("service S { rpc A(M) (M); } message M {}")).message.contains("expected \"returns\""))
        #expect(try #require(parseError("foo bar;")).message.contains("expected a declaration"))
        #expect(try #require(parseError("package a; package b;")).message.contains("only one package"))
    }
}
