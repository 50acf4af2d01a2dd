/// Cutting content into units (a line; for `csv`, a CSV record) and keeping the unfinished one
/// between chunks, within its limit.
extension DocumentSplitter {
    /// Cuts `content` at line feeds: each line is a unit.
    mutating func frameLines(_ content: Bytes, emit: (DocumentRecord) throws -> Void) throws {
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
    mutating func frameCSV(_ content: Bytes, emit: (DocumentRecord) throws -> Void) throws {
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
    mutating func completeUnit(_ tail: Bytes, lineFeeds: Int, emit: (DocumentRecord) throws -> Void) throws {
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
    mutating func keepIncomplete(_ bytes: Bytes, quoteIsOpen: Bool, lineFeeds: Int) throws {
        guard !bytes.isEmpty else { return }
        try appendPending(bytes)
        pendingQuoteIsOpen = quoteIsOpen
        pendingLineFeeds += lineFeeds
    }

    /// Fails a unit (the one starting at `line`) of `length` bytes over `maxLineBytes`.
    func checkUnitLength(_ length: Int) throws {
        guard length > limits.maxLineBytes else { return }
        if case .csv = mode { throw DocumentError.csvRecordTooLong(line: line, limit: limits.maxLineBytes) }
        throw DocumentError.lineTooLong(line: line, limit: limits.maxLineBytes)
    }

    /// Appends to `pending`, never growing it past the limit of a unit.
    mutating func appendPending(_ bytes: Bytes) throws {
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
    mutating func reservePending(_ total: Int, limit: Int) {
        guard total > pending.capacity else { return }
        pending.reserveCapacity(min(max(total, pending.capacity * 2, 4096), limit))
    }

    /// Runs `body` on the bytes of `pending` (moved out of `self` meanwhile, without a copy).
    mutating func withPending(_ body: (inout DocumentSplitter, Bytes) throws -> Void) throws {
        var unit: [UInt8] = []
        swap(&unit, &pending)
        defer { swap(&unit, &pending) }
        try unit.withUnsafeBufferPointer { try body(&self, $0) }
    }
}
