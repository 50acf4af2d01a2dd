import PatternRedactorCore

/// A found entity as its type and the text it covers, for readable expectations.
struct Span: Equatable, CustomStringConvertible {
    var type: PIIType
    var text: String

    init(_ type: PIIType, _ text: String) {
        self.type = type
        self.text = text
    }

    var description: String { "\(type.rawValue)(\(text))" }
}

/// The entities `detector` finds in `text`, cut out of it by their scalar offsets.
func spans(_ text: String, detector: PIIDetector = PIIDetector()) -> [Span] {
    let scalars = Array(text.unicodeScalars)
    return detector.detect(text).map { entity in
        var cut = String.UnicodeScalarView()
        cut.append(contentsOf: scalars[entity.begin..<entity.end])
        return Span(entity.type, String(cut))
    }
}

/// The scalar offset of the first occurrence of `needle` in `text`.
func scalarOffset(of needle: String, in text: String) -> Int? {
    let haystack = Array(text.unicodeScalars), pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty, haystack.count >= pattern.count else { return nil }
    return (0...(haystack.count - pattern.count)).first { haystack[$0..<($0 + pattern.count)].elementsEqual(pattern) }
}

/// Runs the detector over raw bytes (which may be invalid UTF-8).
func detect(bytes: [UInt8], detector: PIIDetector = PIIDetector()) -> [PIIEntity] {
    bytes.withUnsafeBytes { detector.detect($0) }
}

