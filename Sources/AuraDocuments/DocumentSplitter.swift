/// Splits a document into records as its bytes arrive, in chunks of any size cut anywhere
/// (inside a UTF-8 character, a CRLF, a CSV quoted field, a JSON escape): the same document
/// gives the same records and the same first error whatever its chunks. Memory is bounded by
/// `maxLineBytes` (for `text`, `maxTextBytes`) plus one chunk: only the unfinished line is kept
/// between chunks.
///
/// Rules for every format:
/// - A UTF-8 byte order mark at the start is skipped. Invalid UTF-8 anywhere fails the document
///   with its line ("line 17: not valid UTF-8 (byte 5)", byte counted from 1 in that line).
/// - Lines end with LF or CRLF; a lone CR is not a line end. A line (for `csv`, a CSV record;
///   for `jsonl`, a JSON line) longer than `maxLineBytes` fails as soon as the limit is passed.
///   Its length is checked before its content, so the same document gives the same first error
///   whatever its chunks.
/// - A record is never empty or only whitespace (space, tab, CR, LF, VT, FF): such lines, rows
///   and values are skipped, not records, and do not count in `index`. A record longer than
///   `maxRecordBytes` (in UTF-8 bytes) fails the document with its line.
/// - Zero records is not an error for `lines`, `csv` and `jsonl`: the caller decides.
///
/// Per format:
/// - `text`: the whole document is one record (line 1), whitespace kept; longer than
///   `maxTextBytes` fails at once; empty or blank fails at `finish`.
/// - `lines`: one record per line, without its line end; other whitespace is kept.
/// - `csv(column:)`: RFC 4180. The first non-empty row is the header; names match `column` exactly
///   after trimming surrounding spaces and tabs on both. The column missing, or named twice, fails
///   the document (other names may repeat). Fields may be quoted, holding commas, doubled quotes
///   and line breaks; spaces and tabs around a quoted field are ignored; a quote in an unquoted
///   field, or text after a closing quote, is an error. A record's `line` is where its
///   row starts. Empty lines are skipped; a row with fewer fields than the column's position is an
///   error; rows may have more fields than the header. A blank value is skipped.
/// - `jsonl(field:)`: each non-blank line is one JSON object (strict RFC 8259, nested values
///   allowed, at most 64 levels deep); the record is `field`'s string, unescaped (`\n`,
///   `\uXXXX`, surrogate pairs). Other fields are checked, then ignored. The field missing, not a
///   string, or present twice is an error; a blank string is skipped.
public struct DocumentSplitter: Sendable {
    /// The format, with what reading its records needs.
    enum Mode: Sendable {
        case text
        case lines
        case csv(CSVColumn)
        case jsonl(field: [UInt8])
    }

    private enum State: Sendable {
        case open
        case failed(any Error)
        case finished
    }

    var mode: Mode
    let limits: DocumentLimits
    private var state = State.open
    private var byteOrderMark = ByteOrderMark()
    /// The unit (line, CSV record, text) begun but not ended yet; its capacity never passes the
    /// limit that applies to it.
    var pending: [UInt8] = []
    /// For `csv`: whether `pending` holds an odd number of quotes (it ends inside a quoted field).
    var pendingQuoteIsOpen = false
    /// For `csv`: line feeds inside `pending` (quoted line breaks).
    var pendingLineFeeds = 0
    /// The line where the next unit starts.
    var line = 1
    /// Reused to unescape CSV and JSON values.
    var scratch: [UInt8] = []

    /// Records emitted so far (handed to `emit`).
    public internal(set) var recordCount = 0

    /// A splitter for a document in `format`, held to `limits`.
    public init(format: DocumentFormat, limits: DocumentLimits = DocumentLimits()) {
        self.limits = limits
        switch format {
        case .text: mode = .text
        case .lines: mode = .lines
        case .csv(let column): mode = .csv(CSVColumn(name: column))
        case .jsonl(let field): mode = .jsonl(field: Array(field.utf8))
        }
    }

    /// Feeds the next chunk; calls `emit` for each complete record, in order. Throws the first
    /// error (the splitter is then failed: later calls throw the same error); an error thrown by
    /// `emit` is rethrown as it is and fails the splitter the same way.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer, emit: (DocumentRecord) throws -> Void) throws {
        try checkOpen()
        do {
            let bytes = Bytes(start: chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), count: chunk.count)
            let contentStart = byteOrderMark.consume(bytes)
            guard byteOrderMark.isDecided else { return }
            try ByteOrderMark.withPrefix(byteOrderMark.takeUnclaimed()) { try consume($0, emit: emit) }
            try consume(bytes[bytes: contentStart..<bytes.count], emit: emit)
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// The document ended: emits what remains (a last line without a line end) and checks the
    /// document as a whole (a CSV without a header row, a quoted field never closed, a `text`
    /// document that is empty). Call it once: feeding or finishing after it is a programming
    /// error and traps.
    public mutating func finish(emit: (DocumentRecord) throws -> Void) throws {
        try checkOpen()
        do {
            byteOrderMark.documentEnded()
            try ByteOrderMark.withPrefix(byteOrderMark.takeUnclaimed()) { try consume($0, emit: emit) }
            if case .text = mode {
                try finishText(emit: emit)
            } else if !pending.isEmpty {
                try withPending { splitter, unit in try splitter.handle(unit, emit: emit) }
            }
            if case .csv(let column) = mode, column.position == nil {
                throw DocumentError(line: 0, "the CSV document has no header row")
            }
            state = .finished
        } catch {
            state = .failed(error)
            throw error
        }
    }

    /// Capacity of the buffer kept between chunks, for tests of the memory bound.
    var bufferedCapacity: Int { pending.capacity }

    private func checkOpen() throws {
        switch state {
        case .open: return
        case .failed(let error): throw error
        case .finished: preconditionFailure("DocumentSplitter used after finish")
        }
    }

    /// Splits document content (the BOM already skipped) into units.
    private mutating func consume(_ content: Bytes, emit: (DocumentRecord) throws -> Void) throws {
        guard !content.isEmpty else { return }
        switch mode {
        case .text: try appendPending(content)
        case .csv: try frameCSV(content, emit: emit)
        case .lines, .jsonl: try frameLines(content, emit: emit)
        }
    }
}
