/// Skips a UTF-8 byte order mark at the start of a document, even one cut across chunks.
struct ByteOrderMark: Sendable {
    private static let mark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Bytes of the mark seen so far at the document's start.
    private var matched = 0
    /// Whether the document is known to start with the mark or not.
    private(set) var isDecided = false
    /// Mark bytes that turned out to be the start of content, to be split as such.
    private var unclaimed = 0

    /// Consumes the mark's bytes at the start of `bytes`; returns where content starts.
    mutating func consume(_ bytes: Bytes) -> Int {
        guard !isDecided else { return 0 }
        var index = 0
        while index < bytes.count, matched < Self.mark.count {
            guard bytes[index] == Self.mark[matched] else {
                decideWithoutMark()
                return index
            }
            matched += 1
            index += 1
        }
        if matched == Self.mark.count { isDecided = true }
        return index
    }

    /// The document ended, possibly in the middle of what looked like a mark.
    mutating func documentEnded() {
        if !isDecided { decideWithoutMark() }
    }

    /// How many bytes of a partial mark are content after all (0, 1 or 2), once.
    mutating func takeUnclaimed() -> Int {
        defer { unclaimed = 0 }
        return unclaimed
    }

    /// Calls `body` with the first `count` bytes of the mark.
    static func withPrefix(_ count: Int, _ body: (Bytes) throws -> Void) rethrows {
        guard count > 0 else { return }
        try mark.withUnsafeBufferPointer { try body($0[bytes: 0..<count]) }
    }

    private mutating func decideWithoutMark() {
        isDecided = true
        unclaimed = matched
    }
}
