import AuraBytes
import AuraPosix

/// Reads a segment file's records in order, through a fixed window of bytes (so memory stays
/// bounded however large the segment), and finds the next intact record past damage.
///
/// The scanner only reports what it sees; deciding between a torn tail and corruption is
/// `Recovery`'s job.
struct SegmentScanner {
    /// What lies at the scanner's offset.
    enum Step {
        /// An intact record (header and CRC verified); its payload is a buffer of its own.
        case record(RecordHeader, offset: Int, payload: ByteBuffer)
        /// The end: `limit` reached, or twenty zero bytes (the unwritten part of the file).
        case end(offset: Int)
        /// Bytes that are not an intact record.
        case bad(offset: Int, reason: String)
    }

    static let windowSize = 4 << 20

    let file: RandomAccessFile
    /// The scanner reads no byte at or past `limit`.
    let limit: Int
    /// The offset of the next record header.
    private(set) var offset: Int
    private var window: ReadWindow

    /// A scanner from `offset`; `windowSize` is the most read at once (larger payloads are read
    /// directly into their buffers).
    init(file: RandomAccessFile, from offset: Int, limit: Int, windowSize: Int = Self.windowSize) {
        self.file = file
        self.offset = offset
        self.limit = limit
        window = ReadWindow(capacity: windowSize)
    }

    /// Moves to `offset` (after repair skipped damaged bytes).
    mutating func seek(to offset: Int) { self.offset = offset }

    /// Reads what lies at the current offset and moves past it if it is a record. `sequence` is
    /// the last sequence seen: a record must come after it.
    mutating func next(after sequence: UInt64) throws(SystemError) -> Step {
        let headerSize = SegmentFormat.recordHeaderSize
        if offset >= limit { return .end(offset: offset) }
        let headerBytes = try window.bytes(file, at: offset, count: min(headerSize, limit - offset))!
        guard headerBytes.count == headerSize else {
            if headerBytes.allSatisfy({ $0 == 0 }) { return .end(offset: offset) }
            return .bad(offset: offset, reason: "a partial record header at the end of the file")
        }
        let header = RecordHeader(parsing: headerBytes)
        if header.isZero { return .end(offset: offset) }
        if let problem = header.problem(available: limit - offset - headerSize, after: sequence) {
            return .bad(offset: offset, reason: problem)
        }
        let length = Int(header.length)
        var payload: ByteBuffer
        if let bytes = try window.bytes(file, at: offset + headerSize, count: length) {
            payload = ByteBuffer(capacity: length)
            payload.writeBytes(bytes)
        } else {
            payload = try file.readBuffer(count: length, at: offset + headerSize)
        }
        guard payload.readableBytes == length else { return .bad(offset: offset, reason: "length \(length) runs past the end of the file") }
        guard payload.withUnsafeReadableBytes({ header.matches(payload: $0) }) else {
            return .bad(offset: offset, reason: "checksum mismatch")
        }
        let start = offset
        offset += headerSize + length
        return .record(header, offset: start, payload: payload)
    }

}

/// A reusable buffer holding a stretch of a file, refilled with `pread` as a reader moves on.
final class ReadWindow {
    private let storage: UnsafeMutableRawBufferPointer
    private var start = 0
    private var count = 0

    init(capacity: Int) { storage = .allocate(byteCount: capacity, alignment: 16) }

    deinit { storage.deallocate() }

    /// The `count` bytes at file offset `position`, or nil when more than the window holds are
    /// asked for; fewer than asked for at the end of the file. Valid until the next call.
    func bytes(_ file: RandomAccessFile, at position: Int, count wanted: Int) throws(SystemError) -> UnsafeRawBufferPointer? {
        guard wanted <= storage.count else { return nil }
        if position < start || position + wanted > start + count {
            start = position
            count = try file.read(into: storage, at: position)
        }
        let available = max(0, min(wanted, start + count - position))
        return UnsafeRawBufferPointer(rebasing: storage[(position - start)..<(position - start + available)])
    }
}

extension RandomAccessFile {
    /// A buffer of the (up to) `count` bytes at `position`: fewer at the end of the file.
    func readBuffer(count: Int, at position: Int) throws(SystemError) -> ByteBuffer {
        var buffer = ByteBuffer(capacity: count)
        var failure: SystemError?
        _ = buffer.writeWithUnsafeMutableBytes(minimumWritable: count) { out in
            do throws(SystemError) {
                return try read(into: UnsafeMutableRawBufferPointer(rebasing: out[..<count]), at: position)
            } catch {
                failure = error
                return 0
            }
        }
        if let failure { throw failure }
        return buffer
    }
}
