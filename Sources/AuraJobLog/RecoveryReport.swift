/// What `JobLog.open` found and did.
public struct RecoveryReport: Sendable, CustomStringConvertible {
    /// Segment files read.
    public var segments: Int = 0
    /// Valid records visited.
    public var records: Int = 0
    /// Bytes of those records (headers and payloads).
    public var bytes: Int = 0
    /// Where a torn tail (an append cut off by a crash, never acknowledged) was cut off, and how
    /// many bytes (not counting zeros) were dropped; nil when the log ended cleanly.
    public var truncatedTail: (segment: UInt64, offset: UInt64, droppedBytes: Int)?
    /// In repair mode, each thing dropped or rewritten and why, one sentence each; empty otherwise.
    public var dropped: [String] = []
    /// Segment ids missing between the first and the last (removed by `removeSegment`, or lost:
    /// the log cannot tell), as ranges.
    public var missingSegments: [ClosedRange<UInt64>] = []

    /// One line (plus one per dropped item) for the server's log.
    public var description: String {
        var text = "job log: \(segments) segments, \(records) records, \(bytes) bytes"
        if let tail = truncatedTail {
            text += "; torn tail truncated in segment \(tail.segment) at offset \(tail.offset) (\(tail.droppedBytes) bytes dropped)"
        }
        if !missingSegments.isEmpty {
            text += "; segments missing: " + missingSegments.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)" }.joined(separator: ", ")
        }
        for item in dropped { text += "\n  repaired: \(item)" }
        return text
    }
}
