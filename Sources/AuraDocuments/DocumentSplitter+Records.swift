/// Turning a complete unit into a record: the rules of each format.
extension DocumentSplitter {
    /// Turns one complete unit into a record, or nothing if it is blank.
    mutating func handle(_ unit: Bytes, emit: (DocumentRecord) throws -> Void) throws {
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

    /// Fails a record of `length` UTF-8 bytes over `maxRecordBytes`.
    func checkRecordLength(_ length: Int) throws {
        guard length > limits.maxRecordBytes else { return }
        throw DocumentError.recordTooLong(line: line, bytes: length, limit: limits.maxRecordBytes)
    }

    /// The document ended: all of it, kept in `pending`, is the one record of format `text`.
    mutating func finishText(emit: (DocumentRecord) throws -> Void) throws {
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
