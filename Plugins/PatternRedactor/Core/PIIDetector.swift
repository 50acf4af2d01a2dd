/// Finds personal data and secrets in UTF-8 text with hand-written recognizers (no regex
/// engine): one pass over the bytes stops only at bytes that can start a match, validates the
/// candidate there (checksums, ranges, word boundaries, look-alike rules), and resolves
/// overlaps. Safe to share between threads; any input, including invalid UTF-8, is accepted.
///
///     let detector = PIIDetector(types: [.email, .phone])
///     detector.detect("Mail ana@example.com")  // [EMAIL[5..<20] 0.95]
public struct PIIDetector: Sendable {
    /// The types this detector reports.
    public let types: Set<PIIType>
    private let mask: PIITypeMask

    /// Creates a detector for `types` (all of them by default).
    public init(types: Set<PIIType> = PIIType.all) {
        self.types = types
        self.mask = PIITypeMask(types)
    }

    /// The entities in `utf8`, sorted by `begin` and never overlapping (where candidates
    /// overlap, the longer wins, then the higher score). Offsets count Unicode scalars, with
    /// each ill-formed UTF-8 subpart counting as one U+FFFD, as Swift's `String` decodes it.
    public func detect(_ utf8: UnsafeRawBufferPointer) -> [PIIEntity] {
        guard !utf8.isEmpty, !types.isEmpty else { return [] }
        return utf8.withMemoryRebound(to: UInt8.self) { bytes in
            let matches = Match.resolve(Scanner(bytes: bytes, types: mask).scan())
            var offsets = UTF8Scalars.OffsetCounter(bytes)
            return matches.map { match in
                let begin = offsets.scalarOffset(ofByte: match.begin)
                let end = offsets.scalarOffset(ofByte: match.end)
                return PIIEntity(type: match.type, begin: begin, end: end, score: match.score)
            }
        }
    }

    /// The entities in `text`; offsets count the string's Unicode scalars.
    public func detect(_ text: String) -> [PIIEntity] {
        var text = text
        return text.withUTF8 { detect(UnsafeRawBufferPointer($0)) }
    }
}
