/// One lexical token of schema text.
struct Token: Sendable, Equatable {
    /// What kind of token it is, with its value.
    enum Kind: Sendable, Equatable {
        /// A name or keyword: letters, digits and underscores, not starting with a digit.
        case identifier(String)
        /// An integer literal (decimal, `0x` hexadecimal or `0` octal), without sign.
        case integer(UInt64)
        /// A floating-point literal, without sign.
        case float(Double)
        /// A string literal with its escapes resolved.
        case string(String)
        /// One punctuation character: `{ } ( ) [ ] < > ; , = . - + :`.
        case symbol(Character)
        /// The end of the text.
        case end
    }

    /// The token and its value.
    let kind: Kind
    /// Where the token starts.
    let location: SourcePosition

    /// The token as a person would quote it in an error message.
    var quoted: String {
        switch kind {
        case .identifier(let name): return "\"\(name)\""
        case .integer(let value): return "\(value)"
        case .float(let value): return "\(value)"
        case .string(let value): return "string \"\(value)\""
        case .symbol(let symbol): return "\"\(symbol)\""
        case .end: return "end of file"
        }
    }
}
