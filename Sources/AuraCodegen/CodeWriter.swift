/// Builds indented source text line by line.
struct CodeWriter {
    private(set) var text = ""
    private var indentation = ""

    /// Appends one line at the current indentation; an empty line stays empty.
    mutating func line(_ content: String = "") {
        text += content.isEmpty ? "\n" : indentation + content + "\n"
    }

    /// Appends `///` doc comment lines.
    mutating func doc(_ comment: String) {
        for part in comment.split(separator: "\n", omittingEmptySubsequences: false) {
            line(part.isEmpty ? "///" : "/// " + part)
        }
    }

    /// Appends `opening`, then `body` indented one level, then `closing`.
    mutating func block(_ opening: String, closing: String = "}", _ body: (inout CodeWriter) throws -> Void) rethrows {
        line(opening)
        indentation += "    "
        try body(&self)
        indentation.removeLast(4)
        line(closing)
    }

    /// Appends a `case` label with `body` indented under it.
    mutating func caseBlock(_ label: String, _ body: (inout CodeWriter) throws -> Void) rethrows {
        line(label)
        indentation += "    "
        try body(&self)
        indentation.removeLast(4)
    }

    /// Appends a `switch` whose `case` lines `body` writes at the switch's own indentation, as
    /// Swift style has it.
    mutating func switchBlock(_ subject: String, _ body: (inout CodeWriter) throws -> Void) rethrows {
        line("switch \(subject) {")
        try body(&self)
        line("}")
    }
}
