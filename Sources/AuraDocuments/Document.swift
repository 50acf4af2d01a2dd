/// How a document's bytes become records. ``DocumentSplitter`` documents the rules of each.
public enum DocumentFormat: Sendable, Equatable {
    /// The whole document is one record (line 1), its whitespace kept; an empty or blank
    /// document is an error.
    case text
    /// One record per line (LF or CRLF); lines empty or only whitespace are skipped.
    case lines
    /// RFC 4180 CSV with a header row; the record is the value of the column named `column`.
    case csv(column: String)
    /// One JSON object per line; the record is the string field named `field`.
    case jsonl(field: String)
}

/// One record of a document: the text one analysis runs on.
public struct DocumentRecord: Sendable, Equatable {
    /// 0-based, counting records only (skipped lines and rows do not count).
    public let index: Int
    /// 1-based line where the record starts in the document.
    public let line: Int
    /// The record's text: valid UTF-8, never empty or only whitespace.
    public let text: String

    /// Creates a record.
    public init(index: Int, line: Int, text: String) {
        self.index = index
        self.line = line
        self.text = text
    }
}

/// The limits a document is split under; every one is checked before memory is spent on it.
public struct DocumentLimits: Sendable {
    /// The sync path's text limit, in UTF-8 bytes: a record over it fails the document with its line.
    public var maxRecordBytes: Int
    /// A physical line (for `csv`, a whole CSV record; for `jsonl`, a JSON line) longer than this,
    /// counting every byte but its LF, fails with its line number as soon as the limit is
    /// passed, before more of it is buffered: memory stays bounded whatever the input.
    public var maxLineBytes: Int
    /// For `text`: the whole document is one record, so it is held to this limit (after a BOM).
    public var maxTextBytes: Int

    /// Limits with the defaults: 5,000-byte records and text documents, 1 MiB lines.
    public init(maxRecordBytes: Int = 5_000, maxLineBytes: Int = 1 << 20, maxTextBytes: Int = 5_000) {
        self.maxRecordBytes = maxRecordBytes
        self.maxLineBytes = maxLineBytes
        self.maxTextBytes = maxTextBytes
    }
}
