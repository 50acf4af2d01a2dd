import AuraBytes
import AuraPosix

/// Looks past a bad record for intact ones: the test that tells a torn tail (nothing intact
/// follows) from corruption in the middle (records follow the damage).
enum DamageSearch {
    /// What lies in a stretch of a segment after damage.
    struct Finding {
        /// The offset of the first intact record whose sequence follows the last good one.
        var intactRecord: Int?
        /// One past the last non-zero byte seen (0 when all were zero), up to the intact record
        /// if one was found.
        var nonZeroEnd: Int
    }

    /// Searches every offset in `from..<limit` for an intact record after `sequence`, skipping
    /// zero runs quickly (a header holds a non-zero sequence in its last eight bytes).
    static func search(_ file: RandomAccessFile, from: Int, limit: Int, after sequence: UInt64) throws(SystemError) -> Finding {
        let headerSize = SegmentFormat.recordHeaderSize
        let window = ReadWindow(capacity: SegmentScanner.windowSize)
        var finding = Finding(intactRecord: nil, nonZeroEnd: 0)
        var position = from
        while position < limit {
            let wanted = min(SegmentScanner.windowSize, limit - position)
            let chunk = try window.bytes(file, at: position, count: wanted)!
            let isLastChunk = chunk.count < wanted || position + chunk.count >= limit
            // Offsets whose header straddles the window's end are examined from the next window.
            let examineEnd = isLastChunk ? chunk.count : chunk.count - headerSize + 1
            var index = 0
            while index < examineEnd {
                if chunk[index] == 0 {
                    var next = index + 1
                    while next + 8 <= chunk.count && chunk.loadUnaligned(fromByteOffset: next, as: UInt64.self) == 0 { next += 8 }
                    while next < chunk.count && chunk[next] == 0 { next += 1 }
                    let firstPossible = next - headerSize + 1  // a header has a non-zero byte in its sequence
                    if firstPossible > index {
                        index = firstPossible
                        continue
                    }
                } else {
                    finding.nonZeroEnd = position + index + 1
                }
                if index + headerSize <= chunk.count,
                    try isIntactRecord(file, at: position + index, header: UnsafeRawBufferPointer(rebasing: chunk[index...]),
                        limit: limit, after: sequence)
                {
                    finding.intactRecord = position + index
                    return finding
                }
                index += 1
            }
            if isLastChunk { break }
            position += examineEnd
        }
        return finding
    }

    private static func isIntactRecord(
        _ file: RandomAccessFile, at offset: Int, header bytes: UnsafeRawBufferPointer, limit: Int, after sequence: UInt64
    ) throws(SystemError) -> Bool {
        let header = RecordHeader(parsing: bytes)
        guard !header.isZero, header.problem(available: limit - offset - SegmentFormat.recordHeaderSize, after: sequence) == nil else {
            return false
        }
        let length = Int(header.length)
        let payload = try file.readBuffer(count: length, at: offset + SegmentFormat.recordHeaderSize)
        guard payload.readableBytes == length else { return false }
        return payload.withUnsafeReadableBytes { header.matches(payload: $0) }
    }
}
