import AuraDocuments

/// What splitting a document gave: the records emitted, then the error if one was thrown.
struct Outcome: Equatable, CustomStringConvertible {
    var records: [DocumentRecord] = []
    var error: DocumentError?

    var texts: [String] { records.map(\.text) }
    var lines: [Int] { records.map(\.line) }
    var description: String { "\(records.map { "\($0.index)@\($0.line):\($0.text.debugDescription)" }) \(error.map { "error: \($0)" } ?? "")" }
}

/// Splits `document`, fed in chunks that end at `cuts` (offsets, ascending), then finishes.
func split(_ document: [UInt8], as format: DocumentFormat, limits: DocumentLimits = DocumentLimits(), cuts: [Int] = []) -> Outcome {
    var splitter = DocumentSplitter(format: format, limits: limits)
    var outcome = Outcome()
    do {
        var start = 0
        for end in cuts + [document.count] where end >= start {
            try document[start..<end].withUnsafeBytes { chunk in try splitter.feed(chunk) { outcome.records.append($0) } }
            start = end
        }
        try splitter.finish { outcome.records.append($0) }
        assert(splitter.recordCount == outcome.records.count)
    } catch let error as DocumentError {
        outcome.error = error
    } catch {
        fatalError("unexpected \(error)")
    }
    return outcome
}

func split(_ document: String, as format: DocumentFormat, limits: DocumentLimits = DocumentLimits(), cuts: [Int] = []) -> Outcome {
    split(Array(document.utf8), as: format, limits: limits, cuts: cuts)
}

/// What malloc may add to a buffer reserved at a limit: the splitter never asks for more than
/// the limit, but the allocator rounds up (to a page for large blocks).
let pageOfMallocRounding = 4096

/// Cuts every `size` bytes of a document of `count` bytes.
func cuts(every size: Int, count: Int) -> [Int] { Array(stride(from: size, to: count, by: size)) }

/// Records for `texts` at `lines`, indexed from 0.
func records(_ pairs: [(line: Int, text: String)]) -> [DocumentRecord] {
    pairs.enumerated().map { DocumentRecord(index: $0.offset, line: $0.element.line, text: $0.element.text) }
}

extension DocumentSplitter {
    /// Feeds the UTF-8 of `text` as one chunk.
    mutating func feed(_ text: String, emit: (DocumentRecord) throws -> Void = { _ in }) throws {
        try Array(text.utf8).withUnsafeBytes { try feed($0, emit: emit) }
    }
}
