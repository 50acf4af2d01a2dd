/// The value of an option, as far as the parser needs it.
enum OptionValue: Equatable {
    case identifier(String)
    case integer(Int64)
    case float(Double)
    case string(String)
    /// A `{ ... }` text-format value, skipped.
    case aggregate
}

extension Parser {
    /// Parses `name = value ;` after the `option` keyword.
    mutating func optionStatement() throws(ProtoParseError) -> (name: String, value: OptionValue) {
        let option = try optionAssignment()
        try expect(";", after: "the option")
        return option
    }

    /// Parses `[name = value, ...]` after a field or enum value, if present.
    mutating func fieldOptions() throws(ProtoParseError) -> [(name: String, value: OptionValue, location: SourcePosition)] {
        guard consume("[") else { return [] }
        var options: [(name: String, value: OptionValue, location: SourcePosition)] = []
        repeat {
            let location = current.location
            let (name, value) = try optionAssignment()
            options.append((name, value, location))
        } while consume(",")
        try expect("]", after: "the field options")
        return options
    }

    /// Parses `name = value`, where a name is `simple`, `(custom.option)` or either followed by
    /// `.sub.fields`.
    private mutating func optionAssignment() throws(ProtoParseError) -> (name: String, value: OptionValue) {
        var name: String
        if consume("(") {
            name = "(" + (try dottedName(leadingDot: true).name) + ")"
            try expect(")", after: "the custom option name")
        } else {
            name = try identifier(or: "an option name").name
        }
        while consume(".") {
            name += "." + (try identifier(or: "an option field name").name)
        }
        try expect("=", after: "the option name")
        return (name, try optionValue())
    }

    private mutating func optionValue() throws(ProtoParseError) -> OptionValue {
        if at("{") {
            try skipBlock()
            return .aggregate
        }
        if case .string = current.kind { return .string(try stringLiteral().value) }
        let negative = consume("-")
        if !negative { _ = consume("+") }
        let token = current
        advance()
        switch token.kind {
        case .identifier(let word): return .identifier(negative ? "-" + word : word)
        case .integer(let magnitude):
            if negative, magnitude <= UInt64(Int64.max) + 1 { return .integer(Int64(truncatingIfNeeded: 0 &- magnitude)) }
            if !negative, magnitude <= UInt64(Int64.max) { return .integer(Int64(magnitude)) }
            return .float(negative ? -Double(magnitude) : Double(magnitude))
        case .float(let value): return .float(negative ? -value : value)
        default:
            throw error(at: token.location, "expected an option value, found \(token.quoted)")
        }
    }
}
