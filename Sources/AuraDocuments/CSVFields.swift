/// One field of a CSV record: where its content is (inside the quotes, if quoted).
struct CSVField {
    let range: Range<Int>
    /// Quoted and holding doubled quotes, which stand for one quote each.
    let hasDoubledQuotes: Bool
}

/// Walks the fields of one whole CSV record (without its line end), checking RFC 4180 syntax.
/// One leniency: spaces and tabs around a quoted field are ignored (`a, "b"`), as many writers
/// put them there.
struct CSVFields {
    private let record: Bytes
    private let line: Int
    private var offset = 0
    private var isDone = false

    /// Fields of `record`, which starts at `line`.
    init(_ record: Bytes, line: Int) {
        self.record = record
        self.line = line
    }

    /// The next field, nil after the last one.
    mutating func next() throws -> CSVField? {
        guard !isDone else { return nil }
        let start = offset
        let first = skippingSpaces(from: start)
        if first < record.count, record[first] == ASCII.quote { return try quotedField(openingAt: first) }
        let end = record.firstIndex(of: ASCII.comma, from: start) ?? record.count
        if let quote = record.firstIndex(of: ASCII.quote, from: start, to: end) {
            throw error("a quote inside an unquoted field", at: quote, hint: "; quote the whole field and double the quotes inside")
        }
        advance(past: end)
        return CSVField(range: start..<end, hasDoubledQuotes: false)
    }

    private mutating func quotedField(openingAt opening: Int) throws -> CSVField {
        var scan = opening + 1
        var hasDoubledQuotes = false
        while true {
            guard let quote = record.firstIndex(of: ASCII.quote, from: scan) else {
                throw error("a quoted field is never closed", at: opening, hint: "")
            }
            if quote + 1 < record.count, record[quote + 1] == ASCII.quote {
                hasDoubledQuotes = true
                scan = quote + 2
                continue
            }
            let after = skippingSpaces(from: quote + 1)
            guard after == record.count || record[after] == ASCII.comma else {
                throw error("text after the closing quote of a field", at: after, hint: "; a field ends at a comma or at the line's end")
            }
            advance(past: after)
            return CSVField(range: (opening + 1)..<quote, hasDoubledQuotes: hasDoubledQuotes)
        }
    }

    /// The first offset from `start` on that is not a space or a tab.
    private func skippingSpaces(from start: Int) -> Int {
        var offset = start
        while offset < record.count, record[offset] == 0x20 || record[offset] == 0x09 { offset += 1 }
        return offset
    }

    /// The field ended at `end`: a comma (another field follows, maybe empty) or the record's end.
    private mutating func advance(past end: Int) {
        if end == record.count { isDone = true } else { offset = end + 1 }
    }

    private func error(_ problem: String, at offset: Int, hint: String) -> DocumentError {
        let place = record.location(of: offset, startLine: line)
        return DocumentError(line: place.line, "\(problem) (byte \(place.byte))\(hint)")
    }

    /// Calls `body` with the field's value: its content with doubled quotes undone (in `scratch`
    /// if there are any).
    func withValue<Result>(of field: CSVField, scratch: inout [UInt8], _ body: (Bytes) throws -> Result) rethrows -> Result {
        let content = record[bytes: field.range]
        guard field.hasDoubledQuotes else { return try body(content) }
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        while index < content.count {
            scratch.append(content[index])
            index += content[index] == ASCII.quote ? 2 : 1
        }
        return try scratch.withUnsafeBufferPointer(body)
    }
}
