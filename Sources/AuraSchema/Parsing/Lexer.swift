/// Splits schema text into tokens, skipping whitespace and `//` and `/* */` comments; the `//`
/// comments are kept aside (`comments`) so that generated code can carry them as documentation.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private let fileName: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var lastTokenLine = 0
    /// The `//` comments seen so far, in order.
    private(set) var comments: [LineComment] = []

    /// Creates a lexer over `text`; `fileName` names the text in errors.
    init(_ text: String, fileName: String) {
        scalars = Array(text.unicodeScalars)
        self.fileName = fileName
    }

    /// Every token of the text, ending with a `.end` token.
    mutating func tokenize() throws(ProtoParseError) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ProtoParseError) -> Token {
        try skipTrivia()
        let start = SourcePosition(line: line, column: column)
        lastTokenLine = line
        guard let scalar = peek() else { return Token(kind: .end, location: start) }
        if scalar.isIdentifierHead { return Token(kind: .identifier(identifier()), location: start) }
        if scalar.isDigit || (scalar == "." && peek(1)?.isDigit == true) {
            return Token(kind: try number(at: start), location: start)
        }
        if scalar == "\"" || scalar == "'" { return Token(kind: .string(try string(at: start)), location: start) }
        if "{}()[]<>;,=.-+:".unicodeScalars.contains(scalar) {
            advance()
            return Token(kind: .symbol(Character(scalar)), location: start)
        }
        throw error(at: start, "unexpected character \"\(scalar.escaped(asASCII: true))\"")
    }

    private mutating func skipTrivia() throws(ProtoParseError) {
        while let scalar = peek() {
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" || scalar == "\u{0B}" {
                advance()
            } else if scalar == "/" && peek(1) == "/" {
                let commentLine = line
                advance(2)
                var text = ""
                while let c = peek(), c != "\n" { text.unicodeScalars.append(c); advance() }
                comments.append(LineComment(line: commentLine, text: text, followsToken: lastTokenLine == commentLine))
            } else if scalar == "/" && peek(1) == "*" {
                let start = SourcePosition(line: line, column: column)
                advance(2)
                while !(peek() == "*" && peek(1) == "/") {
                    guard peek() != nil else { throw error(at: start, "unterminated /* comment") }
                    advance()
                }
                advance(2)
            } else {
                return
            }
        }
    }

    private mutating func identifier() -> String {
        var name = ""
        while let scalar = peek(), scalar.isIdentifierHead || scalar.isDigit {
            name.unicodeScalars.append(scalar)
            advance()
        }
        return name
    }

    private mutating func number(at start: SourcePosition) throws(ProtoParseError) -> Token.Kind {
        var text = ""
        var isFloat = false
        if peek() == "0", let x = peek(1), x == "x" || x == "X" {
            advance(2)
            while let scalar = peek(), scalar.isHexDigit { text.unicodeScalars.append(scalar); advance() }
            guard !text.isEmpty, let value = UInt64(text, radix: 16) else {
                throw error(at: start, "invalid hexadecimal integer \"0x\(text)\"")
            }
            try expectNumberEnd(at: start)
            return .integer(value)
        }
        while let scalar = peek() {
            if scalar.isDigit {
                text.unicodeScalars.append(scalar)
            } else if scalar == "." && !isFloat {
                isFloat = true
                text.unicodeScalars.append(scalar)
            } else if scalar == "e" || scalar == "E" {
                isFloat = true
                text.unicodeScalars.append(scalar)
                if let sign = peek(1), sign == "+" || sign == "-" {
                    advance()
                    text.unicodeScalars.append(sign)
                }
            } else {
                break
            }
            advance()
        }
        try expectNumberEnd(at: start)
        if isFloat {
            guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
                throw error(at: start, "invalid number \"\(text)\"")
            }
            return .float(value)
        }
        let octal = text.count > 1 && text.hasPrefix("0")
        guard let value = octal ? UInt64(text.dropFirst(), radix: 8) : UInt64(text) else {
            throw error(at: start, "integer \"\(text)\" is out of range or not valid")
        }
        return .integer(value)
    }

    /// A number must not run straight into a name, as in `12abc`.
    private func expectNumberEnd(at start: SourcePosition) throws(ProtoParseError) {
        if let scalar = peek(), scalar.isIdentifierHead || scalar == "." {
            throw error(at: start, "invalid number: unexpected \"\(scalar)\" after digits")
        }
    }

    private mutating func string(at start: SourcePosition) throws(ProtoParseError) -> String {
        let quote = peek()
        advance()
        var bytes: [UInt8] = []
        while true {
            guard let scalar = peek(), scalar != "\n" else { throw error(at: start, "unterminated string") }
            advance()
            if scalar == quote { break }
            if scalar == "\\" {
                try escape(into: &bytes)
            } else {
                bytes.append(contentsOf: String(Character(scalar)).utf8)
            }
        }
        guard let string = String(validating: bytes, as: UTF8.self) else {
            throw error(at: start, "string is not valid UTF-8 after its escapes")
        }
        return string
    }

    private mutating func escape(into bytes: inout [UInt8]) throws(ProtoParseError) {
        let at = SourcePosition(line: line, column: column - 1)
        guard let scalar = peek() else { throw error(at: at, "unterminated string") }
        advance()
        switch scalar {
        case "n": bytes.append(0x0a)
        case "t": bytes.append(0x09)
        case "r": bytes.append(0x0d)
        case "a": bytes.append(0x07)
        case "b": bytes.append(0x08)
        case "f": bytes.append(0x0c)
        case "v": bytes.append(0x0b)
        case "\\", "'", "\"", "?": bytes.append(UInt8(scalar.value))
        case "x", "X":
            bytes.append(UInt8(try digits(radix: 16, max: 2, at: at)))
        case "0"..."7":
            let value = try digits(radix: 8, max: 2, startingWith: scalar.value - 48, at: at)
            guard value <= 0xff else { throw error(at: at, "octal escape out of range") }
            bytes.append(UInt8(value))
        case "u", "U":
            let value = try digits(radix: 16, max: scalar == "u" ? 4 : 8, exactly: true, at: at)
            guard let unicode = Unicode.Scalar(value) else { throw error(at: at, "invalid unicode escape") }
            bytes.append(contentsOf: String(Character(unicode)).utf8)
        default:
            throw error(at: at, "invalid escape \"\\\(scalar)\"")
        }
    }

    /// Reads up to `max` digits of `radix` (exactly `max` when `exactly`), after a first digit
    /// already read when `startingWith` is given.
    private mutating func digits(
        radix: Int, max: Int, exactly: Bool = false, startingWith first: UInt32? = nil, at: SourcePosition
    ) throws(ProtoParseError) -> UInt32 {
        var value: UInt32 = first ?? 0
        var count = 0
        while count < max, let scalar = peek(), scalar.isASCII,
              let digit = Character(scalar).hexDigitValue, digit < radix {
            value = value * UInt32(radix) + UInt32(digit)
            count += 1
            advance()
        }
        guard count > 0 || first != nil, !exactly || count == max else {
            throw error(at: at, "invalid escape sequence")
        }
        return value
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func advance(_ count: Int = 1) {
        for _ in 0..<count where index < scalars.count {
            if scalars[index] == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
    }

    private func error(at location: SourcePosition, _ message: String) -> ProtoParseError {
        ProtoParseError(fileName: fileName, location: location, message: message)
    }
}

extension Unicode.Scalar {
    /// A letter or underscore: what a name may start with.
    fileprivate var isIdentifierHead: Bool {
        ("a"..."z").contains(self) || ("A"..."Z").contains(self) || self == "_"
    }

    /// An ASCII decimal digit.
    fileprivate var isDigit: Bool { ("0"..."9").contains(self) }

    /// An ASCII hexadecimal digit.
    fileprivate var isHexDigit: Bool { Character(self).isHexDigit && isASCII }
}

/// A `//` comment: its line, its text after the slashes, and whether code precedes it on its line.
struct LineComment {
    let line: Int
    let text: String
    let followsToken: Bool
}
