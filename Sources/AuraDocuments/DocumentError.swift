/// Why a document cannot be split: the first problem found, with its line.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// 1-based line of the problem, or 0 for the document as a whole (an empty document, a CSV
    /// header without the column).
    public let line: Int
    /// What is wrong, for people: starts with "line N: " when `line` is not 0.
    public let message: String

    /// Creates an error with a message as it is.
    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// An error at `line` (0: the whole document); the message gets the "line N: " prefix.
    init(line: Int, _ problem: String) {
        self.init(line: line, message: line > 0 ? "line \(line): \(problem)" : problem)
    }

    /// The message.
    public var description: String { message }
}

extension DocumentError {
    static func invalidUTF8(line: Int, byte: Int) -> DocumentError {
        DocumentError(line: line, "not valid UTF-8 (byte \(byte))")
    }

    static func lineTooLong(line: Int, limit: Int) -> DocumentError {
        DocumentError(line: line, "the line is longer than \(grouped(limit)) bytes, the limit")
    }

    static func csvRecordTooLong(line: Int, limit: Int) -> DocumentError {
        DocumentError(line: line, "the CSV record starting here is longer than \(grouped(limit)) bytes, the limit (a quote never closed, or a stray quote in an unquoted field?)")
    }

    static func recordTooLong(line: Int, bytes: Int, limit: Int) -> DocumentError {
        DocumentError(line: line, "the record is \(grouped(bytes)) bytes; the limit is \(grouped(limit))")
    }

    static func textTooLong(limit: Int) -> DocumentError {
        DocumentError(line: 0, "the document is longer than \(grouped(limit)) bytes, the limit for format text (one record); use lines, csv or jsonl for many records")
    }
}

/// `n` with a comma every three digits: 1048576 is "1,048,576".
func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var result = n < 0 ? "-" : ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return result
}
