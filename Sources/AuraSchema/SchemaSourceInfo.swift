/// Where the declarations of a schema stand in its text, and the comments written for them: what
/// a code generator needs to emit types in the schema's order with the schema's documentation.
///
/// Declarations are named as `ProtoSchema` names them, with members after a dot or a slash:
/// `aura.SentimentResult`, `aura.SentimentResult.analyzer` (a field), `aura.RedactionMode.MASK`
/// (an enum value), `aura.Sentiment` and `aura.Sentiment/Analyze` (a method).
public struct SchemaSourceInfo: Sendable {
    private var lines: [String: Int] = [:]
    private var comments: [String: String] = [:]

    /// The line a declaration starts on, or nil for a name the schema does not declare.
    public func line(of name: String) -> Int? { lines[name] }

    /// The comment written for a declaration, or nil: the `//` lines directly above it (no blank
    /// line between; separator lines of dashes dropped), else the `//` comment after it on its own
    /// line. Lines are joined with newlines, each without its slashes and first space.
    public func comment(of name: String) -> String? { comments[name] }

    init(file: FileSyntax, comments lineComments: [LineComment]) {
        var byLine: [Int: LineComment] = [:]
        for comment in lineComments { byLine[comment.line] = comment }
        let prefix = file.package.isEmpty ? "" : file.package + "."
        var recorder = Recorder(commentsByLine: byLine)
        for message in file.messages { recorder.record(message, prefix: prefix) }
        for syntax in file.enums { recorder.record(syntax, prefix: prefix) }
        for service in file.services {
            let name = prefix + service.name
            recorder.record(name, at: service.location.line)
            for method in service.methods { recorder.record(name + "/" + method.name, at: method.location.line) }
        }
        lines = recorder.lines
        comments = recorder.comments
    }

    /// Walks the syntax tree and records each declaration's line and comment.
    private struct Recorder {
        let commentsByLine: [Int: LineComment]
        var lines: [String: Int] = [:]
        var comments: [String: String] = [:]

        mutating func record(_ message: MessageSyntax, prefix: String) {
            let name = prefix + message.name
            record(name, at: message.location.line)
            for field in message.fields { record(name + "." + field.name, at: field.location.line) }
            for nested in message.messages { record(nested, prefix: name + ".") }
            for nested in message.enums { record(nested, prefix: name + ".") }
        }

        mutating func record(_ syntax: EnumSyntax, prefix: String) {
            let name = prefix + syntax.name
            record(name, at: syntax.location.line)
            for value in syntax.values { record(name + "." + value.name, at: value.location.line) }
        }

        mutating func record(_ name: String, at line: Int) {
            lines[name] = line
            if let text = leadingComment(above: line) ?? trailingComment(on: line) { comments[name] = text }
        }

        private func leadingComment(above line: Int) -> String? {
            var texts: [String] = []
            var current = line - 1
            while let comment = commentsByLine[current], !comment.followsToken {
                if !Self.isSeparator(comment.text) { texts.append(Self.trimmed(comment.text)) }
                current -= 1
            }
            return texts.isEmpty ? nil : texts.reversed().joined(separator: "\n")
        }

        private func trailingComment(on line: Int) -> String? {
            guard let comment = commentsByLine[line], comment.followsToken else { return nil }
            return Self.trimmed(comment.text)
        }

        private static func trimmed(_ text: String) -> String {
            let withoutSpace = text.hasPrefix(" ") ? text.dropFirst() : Substring(text)
            return String(withoutSpace.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        }

        private static func isSeparator(_ text: String) -> Bool {
            let trimmed = text.trimmingSpaces
            return !trimmed.isEmpty && trimmed.allSatisfy { $0 == "-" || $0 == "=" }
        }
    }
}

extension String {
    fileprivate var trimmingSpaces: Substring {
        let start = firstIndex { $0 != " " } ?? endIndex
        let end = lastIndex { $0 != " " }.map(index(after:)) ?? start
        return self[start..<max(start, end)]
    }
}
