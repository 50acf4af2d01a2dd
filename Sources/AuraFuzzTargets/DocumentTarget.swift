import AuraDocuments

/// The document splitter (the JSONL reader among its formats): the input's first byte picks
/// the format, the second the size of the chunks the rest arrives in.
///
/// Checks the splitter's promise that the same document gives the same records and the same
/// first error whatever its chunks, that no record passes its limit, and that no record is blank.
public enum DocumentTarget: FuzzTarget {
    public static let name = "documents"

    /// Small limits, so inputs of a few hundred bytes reach them.
    static let limits = DocumentLimits(maxRecordBytes: 64, maxLineBytes: 256, maxTextBytes: 96)

    /// The bytes the splitter counts as whitespace: a record is never only these.
    static let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D]

    /// What splitting a document gives.
    struct Outcome: Equatable {
        var records: [DocumentRecord] = []
        var error: String?
    }

    public static func run(_ input: UnsafeRawBufferPointer) throws(FuzzFailure) {
        var script = FuzzInput(input)
        let format = script.pick([DocumentFormat.text, .lines, .csv(column: "text"), .jsonl(field: "text")])
        let pieceSize = Int(script.byte() % 16) + 1
        let document = script.rest()
        let whole = split(document, format: format, pieceSize: max(1, document.count))
        let pieces = split(document, format: format, pieceSize: pieceSize)
        try require(whole == pieces, "\(format): chunks of \(pieceSize) bytes give \(pieces), the whole document \(whole)")
        let blank = Self.blank
        let limit = format == .text ? limits.maxTextBytes : limits.maxRecordBytes
        for record in whole.records {
            try require(record.text.utf8.count <= limit, "\(format): a record of \(record.text.utf8.count) bytes passed the limit")
            try require(record.text.utf8.contains { !blank.contains($0) }, "\(format): a blank record")
        }
    }

    static func split(_ document: UnsafeRawBufferPointer, format: DocumentFormat, pieceSize: Int) -> Outcome {
        var splitter = DocumentSplitter(format: format, limits: limits)
        var outcome = Outcome()
        do {
            var offset = 0
            while offset < document.count {
                let end = min(document.count, offset + pieceSize)
                try splitter.feed(UnsafeRawBufferPointer(rebasing: document[offset..<end])) { outcome.records.append($0) }
                offset = end
            }
            try splitter.finish { outcome.records.append($0) }
        } catch {
            outcome.error = "\(error)"
        }
        return outcome
    }
}
