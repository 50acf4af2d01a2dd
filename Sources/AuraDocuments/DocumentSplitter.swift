/// Splits a document into records as its bytes arrive, in chunks of any size cut anywhere
/// (inside a UTF-8 character, a CRLF, a CSV quoted field, a JSON escape). Memory is bounded by
/// `maxLineBytes` plus one chunk: only the unfinished line is kept between chunks.
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
    private enum Mode: Sendable {
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

    private var mode: Mode
    private let limits: DocumentLimits
    private var state = State.open
    private var byteOrderMark = ByteOrderMark()
    /// The unit (line, CSV record, text) begun but not ended yet; its capacity never passes the
    /// limit that applies to it.
    private var pending: [UInt8] = []
    /// For `csv`: whether `pending` holds an odd number of quotes (it ends inside a quoted field).
    private var pendingQuoteIsOpen = false
    /// For `csv`: line feeds inside `pending` (quoted line breaks).
    private var pendingLineFeeds = 0
    /// The line where the next unit starts.
    private var line = 1
    /// Reused to unescape CSV and JSON values.
    private var scratch: [UInt8] = []

    /// Records emitted so far.
    public private(set) var recordCount = 0

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
    /// document that is empty).
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

    // MARK: Units

    /// Cuts `content` at line feeds: each line is a unit.
    private mutating func frameLines(_ content: Bytes, emit: (DocumentRecord) throws -> Void) throws {
        var start = 0
        while let end = content.firstIndex(of: ASCII.lineFeed, from: start) {
            try completeUnit(content[bytes: start..<end], lineFeeds: 0, emit: emit)
            start = end + 1
        }
        try keepIncomplete(content[bytes: start..<content.count], quoteIsOpen: false, lineFeeds: 0)
    }

    /// Cuts `content` at line feeds outside quotes: each CSV record is a unit. A line feed is
    /// outside quotes when the record so far holds an even number of quote characters, since
    /// doubled quotes inside a quoted field come in pairs.
    private mutating func frameCSV(_ content: Bytes, emit: (DocumentRecord) throws -> Void) throws {
        var start = 0
        var scan = 0
        var quoteIsOpen = pendingQuoteIsOpen
        var lineFeeds = 0
        while let end = content.firstIndex(of: ASCII.lineFeed, from: scan) {
            if content.occurrences(of: ASCII.quote, in: scan..<end) & 1 == 1 { quoteIsOpen.toggle() }
            scan = end + 1
            if quoteIsOpen {
                lineFeeds += 1
                continue
            }
            try completeUnit(content[bytes: start..<end], lineFeeds: lineFeeds, emit: emit)
            start = scan
            lineFeeds = 0
        }
        if content.occurrences(of: ASCII.quote, in: scan..<content.count) & 1 == 1 { quoteIsOpen.toggle() }
        try keepIncomplete(content[bytes: start..<content.count], quoteIsOpen: quoteIsOpen, lineFeeds: lineFeeds)
    }

    /// A unit ended in this chunk with `tail` (what `pending` holds comes before it).
    private mutating func completeUnit(_ tail: Bytes, lineFeeds: Int, emit: (DocumentRecord) throws -> Void) throws {
        let unitLine = line
        let unitLineFeeds = pendingLineFeeds + lineFeeds
        if pending.isEmpty {
            try checkUnitLength(tail.count)
            try handle(tail, emit: emit)
        } else {
            try appendPending(tail)
            try withPending { splitter, unit in try splitter.handle(unit, emit: emit) }
            pending.removeAll(keepingCapacity: true)
        }
        pendingQuoteIsOpen = false
        pendingLineFeeds = 0
        line = unitLine + unitLineFeeds + 1
    }

    /// Keeps the start of a unit that does not end in this chunk.
    private mutating func keepIncomplete(_ bytes: Bytes, quoteIsOpen: Bool, lineFeeds: Int) throws {
        guard !bytes.isEmpty else { return }
        try appendPending(bytes)
        pendingQuoteIsOpen = quoteIsOpen
        pendingLineFeeds += lineFeeds
    }

    private func checkUnitLength(_ length: Int) throws {
        guard length > limits.maxLineBytes else { return }
        if case .csv = mode { throw DocumentError.csvRecordTooLong(line: line, limit: limits.maxLineBytes) }
        throw DocumentError.lineTooLong(line: line, limit: limits.maxLineBytes)
    }

    /// Appends to `pending`, never growing it past the limit of a unit.
    private mutating func appendPending(_ bytes: Bytes) throws {
        let total = pending.count + bytes.count
        if case .text = mode {
            guard total <= limits.maxTextBytes else { throw DocumentError.textTooLong(limit: limits.maxTextBytes) }
            reservePending(total, limit: limits.maxTextBytes)
        } else {
            try checkUnitLength(total)
            reservePending(total, limit: limits.maxLineBytes)
        }
        pending.append(contentsOf: bytes)
    }

    /// Grows `pending` geometrically but never beyond `limit`.
    private mutating func reservePending(_ total: Int, limit: Int) {
        guard total > pending.capacity else { return }
        pending.reserveCapacity(min(max(total, pending.capacity * 2, 4096), limit))
    }

    /// Runs `body` on the bytes of `pending` (moved out of `self` meanwhile, without a copy).
    private mutating func withPending(_ body: (inout DocumentSplitter, Bytes) throws -> Void) throws {
        var unit: [UInt8] = []
        swap(&unit, &pending)
        defer { swap(&unit, &pending) }
        try unit.withUnsafeBufferPointer { try body(&self, $0) }
    }

    /// Turns one complete unit into a record, or nothing if it is blank.
    private mutating func handle(_ unit: Bytes, emit: (DocumentRecord) throws -> Void) throws {
        let text: String?
        switch mode {
        case .text:
            preconditionFailure("a text document is one unit, handled by finishText")
        case .lines:
            let content = unit.droppingCarriageReturn
            guard !content.isBlank else { return }  // only whitespace: ASCII, so valid UTF-8
            if content.count > limits.maxRecordBytes {
                try unit.checkUTF8(line: line)
                try checkRecordLength(content.count)
            }
            text = try content.validatedString(line: line)
        case .csv(let column) where column.position != nil:
            try unit.checkUTF8(line: line)
            text = try column.value(in: unit, line: line, scratch: &scratch)
        case .csv(var column):
            try unit.checkUTF8(line: line)
            try column.readHeader(unit, line: line, scratch: &scratch)
            mode = .csv(column)
            return
        case .jsonl(let field):
            try unit.checkUTF8(line: line)
            var jsonLine = JSONLine(unit, line: line)
            text = try jsonLine.string(named: field, scratch: &scratch)
        }
        guard let text else { return }
        try checkRecordLength(text.utf8.count)
        let record = DocumentRecord(index: recordCount, line: line, text: text)
        recordCount += 1
        try emit(record)
    }

    private func checkRecordLength(_ length: Int) throws {
        guard length > limits.maxRecordBytes else { return }
        throw DocumentError.recordTooLong(line: line, bytes: length, limit: limits.maxRecordBytes)
    }

    // MARK: Text

    private mutating func finishText(emit: (DocumentRecord) throws -> Void) throws {
        try withPending { splitter, document in
            try document.checkUTF8(line: 1)
            guard !document.isEmpty else { throw DocumentError(line: 0, "the document is empty") }
            guard !document.isBlank else { throw DocumentError(line: 0, "the document is only whitespace") }
            let record = DocumentRecord(index: 0, line: 1, text: document.string)
            splitter.recordCount = 1
            try emit(record)
        }
    }
}
