/// One piece of personal data found in a text.
public struct PIIEntity: Sendable, Hashable, CustomStringConvertible {
    /// What it is.
    public var type: PIIType
    /// Offset of its first Unicode scalar from the start of the text.
    public var begin: Int
    /// Offset one past its last Unicode scalar (exclusive).
    public var end: Int
    /// Confidence, 0 to 1: checksummed and strongly shaped matches score high, loose shapes
    /// (a space-separated phone number, a card with an unknown issuer) lower.
    public var score: Double

    /// Creates an entity.
    public init(type: PIIType, begin: Int, end: Int, score: Double) {
        self.type = type
        self.begin = begin
        self.end = end
        self.score = score
    }

    public var description: String { "\(type.rawValue)[\(begin)..<\(end)] \(score)" }
}
