import AuraBytes

/// Where a record lies in the log: its segment's id and the byte offset of its header in that
/// segment's file. Positions order like the log (segment first, then offset).
public struct LogPosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The id of the segment file (`<id>.seg`).
    public let segment: UInt64
    /// The byte offset of the record's header in the segment file.
    public let offset: UInt64

    /// A position; stored positions come back through this initializer.
    public init(segment: UInt64, offset: UInt64) {
        self.segment = segment
        self.offset = offset
    }

    /// Before every record: `records(from: .start)` reads the whole log.
    public static let start = LogPosition(segment: 0, offset: 0)

    /// Log order: segment, then offset.
    public static func < (lhs: LogPosition, rhs: LogPosition) -> Bool {
        (lhs.segment, lhs.offset) < (rhs.segment, rhs.offset)
    }

    /// `segment:offset`, e.g. `3:1048616`.
    public var description: String { "\(segment):\(offset)" }
}

/// A record to append: a type chosen by the caller (the log gives it no meaning) and a payload.
public struct LogRecord: Sendable, Equatable {
    /// The caller's record type.
    public var type: UInt8
    /// The bytes of the record (at most `JobLogConfiguration.maxRecordSize`).
    public var payload: ByteBuffer

    /// A record of `type` carrying `payload`.
    public init(type: UInt8, payload: ByteBuffer) {
        self.type = type
        self.payload = payload
    }
}

/// A record read back from the log, verified against its CRC.
public struct StoredRecord: Sendable {
    /// Where the record lies.
    public let position: LogPosition
    /// The record's sequence number: increasing through the log, across segments.
    public let sequence: UInt64
    /// The caller's record type.
    public let type: UInt8
    /// The record's bytes, in a buffer of their own.
    public let payload: ByteBuffer

    /// A record as read back (for tests and fakes of the log).
    public init(position: LogPosition, sequence: UInt64, type: UInt8, payload: ByteBuffer) {
        self.position = position
        self.sequence = sequence
        self.type = type
        self.payload = payload
    }
}

/// `fdatasync` latencies of the log's writer, for metrics.
public struct SyncStats: Sendable, Equatable {
    /// How many `fdatasync` calls the writer made since the log was opened.
    public var count: Int
    /// The median latency over the recent window, in microseconds (0 before the first sync).
    public var p50Microseconds: Double
    /// The 99th percentile over the recent window, in microseconds.
    public var p99Microseconds: Double
}
