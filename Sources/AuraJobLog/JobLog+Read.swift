import AuraBytes
import AuraPosix
import Glibc

extension JobLog {
    /// Reads the record at `position` back, verifying its CRC (and decrypting it). May be called from any thread;
    /// blocks on `pread`, so callers run it on a blocking pool, never on an event loop. Fails
    /// with `.io` (ENOENT) for a segment that is not in the log and `.corrupt` for a position
    /// that is not the start of a durable record.
    public func read(at position: LogPosition) throws(JobLogError) -> StoredRecord {
        let name = SegmentFormat.fileName(position.segment)
        guard let located = catalog.locate(position.segment) else {
            throw .io(SystemError(call: "read \(name)", errno: ENOENT))
        }
        let offset = Int(clamping: position.offset)
        guard offset >= SegmentFormat.headerSize, offset <= located.end - SegmentFormat.recordHeaderSize else {
            throw .corrupt(segment: name, offset: position.offset, reason: "no record here: the segment's records end at \(located.end)")
        }
        let file: RandomAccessFile
        if let current = located.currentFile {
            file = current
        } else {
            file = try jobLog { () throws(SystemError) in try openForReading(position.segment) }
        }
        var scanner = SegmentScanner(file: file, from: offset, limit: located.end, windowSize: 4096)
        let step = try jobLog { () throws(SystemError) in try scanner.next(after: 0) }
        switch step {
        case .record(let header, _, var payload) where !header.isPadding:
            try RecordOpener(keyring: configuration.keyring).open(
                &payload, header: header, segment: position.segment, offset: offset, keyID: located.keyID)
            return StoredRecord(position: position, sequence: header.sequence, type: header.type, payload: payload)
        case .record:
            throw .corrupt(segment: name, offset: position.offset, reason: "a padding record, not a record")
        case .end:
            throw .corrupt(segment: name, offset: position.offset, reason: "zeros, not a record")
        case .bad(_, let reason):
            throw .corrupt(segment: name, offset: position.offset, reason: reason)
        }
    }

    /// The records from `position` (inclusive: the first record at or after it) to the end of
    /// the log as it is when iteration starts, in log order. Reads segment by segment through a
    /// bounded window (4 MiB), so memory stays small; blocks on reads like `read(at:)`. A read
    /// failure or a bad record yields one `.failure` and ends the sequence; so does a segment
    /// removed while iterating.
    public func records(from position: LogPosition) -> RecordSequence { RecordSequence(log: self, from: position) }

    /// The records of the log from a position on; see `JobLog.records(from:)`.
    public struct RecordSequence: Sequence, Sendable {
        let log: JobLog
        let from: LogPosition

        /// Starts reading at the log's end as it is now.
        public func makeIterator() -> Iterator {
            Iterator(log: log, segments: log.catalog.snapshot.filter { $0.id >= from.segment }, from: from)
        }

        /// Reads the segments one after the other.
        public struct Iterator: IteratorProtocol {
            private let log: JobLog
            private var segments: ArraySlice<SegmentExtent>
            private let from: LogPosition
            private var scanner: SegmentScanner?
            private var scanning = SegmentExtent(id: 0, end: 0, keyID: 0)
            private let opener: RecordOpener
            private var finished = false

            init(log: JobLog, segments: [SegmentExtent], from: LogPosition) {
                self.log = log
                self.segments = segments[...]
                self.from = from
                opener = RecordOpener(keyring: log.configuration.keyring)
            }

            /// The next record, a failure (after which the sequence ends), or nil at the end.
            public mutating func next() -> Result<StoredRecord, JobLogError>? {
                while !finished {
                    if scanner == nil {
                        guard let segment = segments.popFirst() else { return nil }
                        do throws(SystemError) {
                            let file = try log.openForReading(segment.id)
                            let start = segment.id == from.segment ? Swift.max(SegmentFormat.headerSize, Int(clamping: from.offset)) : SegmentFormat.headerSize
                            scanner = SegmentScanner(file: file, from: start, limit: segment.end)
                            scanning = segment
                        } catch {
                            return fail(JobLogError.from(error))
                        }
                    }
                    let step: SegmentScanner.Step
                    do throws(SystemError) {
                        step = try scanner!.next(after: 0)
                    } catch {
                        return fail(JobLogError.from(error))
                    }
                    switch step {
                    case .record(let header, let offset, var payload):
                        if header.isPadding { continue }
                        do throws(JobLogError) {
                            try opener.open(&payload, header: header, segment: scanning.id, offset: offset, keyID: scanning.keyID)
                        } catch {
                            return fail(error)
                        }
                        return .success(StoredRecord(
                            position: LogPosition(segment: scanning.id, offset: UInt64(offset)), sequence: header.sequence, type: header.type,
                            payload: payload))
                    case .end(let offset) where offset >= scanner!.limit:
                        scanner = nil
                    case .end(let offset):
                        return fail(.corrupt(segment: SegmentFormat.fileName(scanning.id), offset: UInt64(offset), reason: "zeros before the end of the segment"))
                    case .bad(let offset, let reason):
                        return fail(.corrupt(segment: SegmentFormat.fileName(scanning.id), offset: UInt64(offset), reason: reason))
                    }
                }
                return nil
            }

            private mutating func fail(_ error: JobLogError) -> Result<StoredRecord, JobLogError> {
                finished = true
                return .failure(error)
            }
        }
    }

    /// A segment's file, opened read-only for one reader.
    func openForReading(_ id: UInt64) throws(SystemError) -> RandomAccessFile {
        try RandomAccessFile.open(directory.segmentPath(id), readOnly: true)
    }
}
