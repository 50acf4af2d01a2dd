/// A position in schema text: a 1-based line and a 1-based column counted in Unicode scalars.
public struct SourcePosition: Sendable, Hashable, CustomStringConvertible {
    /// The line, starting at 1.
    public let line: Int
    /// The column within the line, starting at 1.
    public let column: Int

    /// Creates a location from a line and a column, both 1-based.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The location as `line:column`.
    public var description: String { "\(line):\(column)" }
}

/// An error in schema text: a syntax error, or a name or number the schema cannot accept.
///
/// Its description reads like a compiler's, `aura.proto:12:5: expected ";"`, so a person can go
/// straight to the place.
public struct ProtoParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The name of the schema file, as given to the parser.
    public let fileName: String
    /// Where the problem is.
    public let location: SourcePosition
    /// What is wrong, in one sentence.
    public let message: String

    /// Creates an error at `location` of `fileName`.
    public init(fileName: String, location: SourcePosition, message: String) {
        self.fileName = fileName
        self.location = location
        self.message = message
    }

    /// The 1-based line of the problem.
    public var line: Int { location.line }
    /// The 1-based column of the problem.
    public var column: Int { location.column }

    /// `file:line:column: message`.
    public var description: String { "\(fileName):\(location): \(message)" }
}
