/// A recursive-descent parser from tokens to a `FileSyntax`, for the proto3 language.
///
/// Keywords are contextual, as in protoc: `message`, `enum`, `option` and the rest are keywords
/// only where a declaration starts. `import`, `option`, `extend` and `extensions` are read and
/// ignored; `reserved` is kept so that fields using a reserved number or name are reported.
struct Parser {
    private let tokens: [Token]
    private var position = 0
    let fileName: String
    /// The file's `//` comments.
    let comments: [LineComment]

    /// Tokenizes `text`; `fileName` names the text in errors.
    init(_ text: String, fileName: String) throws(ProtoParseError) {
        var lexer = Lexer(text, fileName: fileName)
        tokens = try lexer.tokenize()
        comments = lexer.comments
        self.fileName = fileName
    }

    /// Parses the whole file.
    mutating func parseFile() throws(ProtoParseError) -> FileSyntax {
        var file = FileSyntax()
        var sawPackage = false
        while current.kind != .end {
            if consume(";") { continue }
            let keyword = current
            switch try identifier(or: "a declaration (syntax, package, import, option, message, enum or service)").name {
            case "syntax":
                try expect("=", after: "syntax")
                let (value, location) = try stringLiteral()
                guard value == "proto3" else {
                    throw error(at: location, "unsupported syntax \"\(value)\": only proto3 is supported")
                }
                try expect(";", after: "the syntax statement")
            case "edition":
                throw error(at: keyword.location, "editions are not supported: only proto3 is supported")
            case "package":
                guard !sawPackage else { throw error(at: keyword.location, "a file can have only one package statement") }
                sawPackage = true
                file.package = try dottedName(leadingDot: false).name
                try expect(";", after: "the package name")
            case "import":
                if case .identifier(let word) = current.kind, word == "weak" || word == "public" { advance() }
                _ = try stringLiteral()
                try expect(";", after: "the import")
            case "option":
                _ = try optionStatement()
            case "message":
                file.messages.append(try message())
            case "enum":
                file.enums.append(try enumeration())
            case "service":
                file.services.append(try service())
            case "extend":
                _ = try dottedName(leadingDot: true)
                try skipBlock()
            default:
                throw error(at: keyword.location, "expected a declaration (message, enum, service, ...), found \(keyword.quoted)")
            }
        }
        return file
    }

    // MARK: Tokens

    /// The token at the cursor.
    var current: Token { tokens[position] }

    /// The token after the cursor (the end token at the end).
    var following: Token { tokens[min(position + 1, tokens.count - 1)] }

    /// Moves past the current token (never past the end token).
    mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// Whether the current token is `symbol`.
    func at(_ symbol: Character) -> Bool { current.kind == .symbol(symbol) }

    /// Whether the current token is the identifier `word`.
    func at(keyword word: String) -> Bool { current.kind == .identifier(word) }

    /// Consumes `symbol` if it is next.
    mutating func consume(_ symbol: Character) -> Bool {
        guard at(symbol) else { return false }
        advance()
        return true
    }

    /// Consumes `symbol` or fails, saying what it should follow.
    mutating func expect(_ symbol: Character, after context: String) throws(ProtoParseError) {
        guard consume(symbol) else {
            throw error(at: current.location, "expected \"\(symbol)\" after \(context), found \(current.quoted)")
        }
    }

    /// Consumes an identifier or fails, saying what was expected.
    mutating func identifier(or expected: String) throws(ProtoParseError) -> (name: String, location: SourcePosition) {
        guard case .identifier(let name) = current.kind else {
            throw error(at: current.location, "expected \(expected), found \(current.quoted)")
        }
        let location = current.location
        advance()
        return (name, location)
    }

    /// Consumes a name with dots, `a.b.C`, and a leading dot (fully qualified) if allowed.
    mutating func dottedName(leadingDot: Bool) throws(ProtoParseError) -> (name: String, location: SourcePosition) {
        let location = current.location
        var name = leadingDot && consume(".") ? "." : ""
        name += try identifier(or: "a name").name
        while consume(".") {
            name += "." + (try identifier(or: "a name after \".\"").name)
        }
        return (name, location)
    }

    /// Consumes one or more adjacent string literals, joined as protoc does.
    mutating func stringLiteral() throws(ProtoParseError) -> (value: String, location: SourcePosition) {
        guard case .string(var value) = current.kind else {
            throw error(at: current.location, "expected a string, found \(current.quoted)")
        }
        let location = current.location
        advance()
        while case .string(let more) = current.kind {
            value += more
            advance()
        }
        return (value, location)
    }

    /// Consumes an integer literal with an optional minus sign that fits in `range`.
    mutating func integer(in range: ClosedRange<Int>, what: String) throws(ProtoParseError) -> (value: Int, location: SourcePosition) {
        let location = current.location
        let negative = consume("-")
        guard case .integer(let magnitude) = current.kind else {
            throw error(at: current.location, "expected \(what) (an integer), found \(current.quoted)")
        }
        advance()
        guard let value = Int(exactly: magnitude).map({ negative ? -$0 : $0 }), range.contains(value) else {
            throw error(at: location, "\(what) \(negative ? "-" : "")\(magnitude) is out of range \(range.lowerBound)...\(range.upperBound)")
        }
        return (value, location)
    }

    /// Skips a `{ ... }` block, nested blocks included.
    mutating func skipBlock() throws(ProtoParseError) {
        let open = current.location
        try expect("{", after: "the declaration")
        var depth = 1
        while depth > 0 {
            switch current.kind {
            case .end: throw error(at: open, "unclosed \"{\"")
            case .symbol("{"): depth += 1
            case .symbol("}"): depth -= 1
            default: break
            }
            advance()
        }
    }

    /// An error at `location` in this file.
    func error(at location: SourcePosition, _ message: String) -> ProtoParseError {
        ProtoParseError(fileName: fileName, location: location, message: message)
    }
}
