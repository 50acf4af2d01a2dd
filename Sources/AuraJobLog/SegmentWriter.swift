import AuraBytes
import AuraPosix
import Glibc

/// The writing end of the log, owned by the writer thread alone: turns a batch of appends into
/// one `pwritev` and one `fdatasync` per segment touched, rolls segments, and publishes what is
/// durable to the catalog.
///
/// All records of one append go to one segment (the commit flag on its last record makes the
/// append atomic in recovery); an append that does not fit in what is left of the current
/// segment starts the next.
final class SegmentWriter {
    /// Payloads up to this size are copied next to their headers (one vector for many small
    /// records); larger ones are written from their own buffers.
    static let inlinePayloadLimit = 32 << 10
    /// The staging buffer's usual size; sealing stages whole payloads, and a batch that grew it
    /// past `stagingRetainLimit` gives the memory back.
    static let stagingCapacity = 64 << 10
    static let stagingRetainLimit = 8 << 20

    let directory: SegmentDirectory
    let catalog: LogCatalog
    private var file: RandomAccessFile
    private var segmentID: UInt64
    /// The durable end of the current segment: where the next record goes.
    private var offset: Int
    private var nextSequence: UInt64
    /// The next segment, prepared ahead so that rolling costs only its activation.
    private var spare: RandomAccessFile?
    /// Seals records under the current key; nil writes plaintext. The current segment's header
    /// names the same key (`JobLog.open` starts a new segment when the key changed).
    private let sealer: RecordSealer?
    private var staging = ByteBuffer(capacity: SegmentWriter.stagingCapacity)
    private var pieces: [Piece] = []
    private var vectors: [iovec] = []

    private enum Piece {
        case staged(start: Int, count: Int)
        case external(UnsafeRawBufferPointer)
    }

    /// The outcome of a batch: one result per append, and an error that leaves the log unable
    /// to take more appends (a failed `fdatasync` other than a full disk), if one happened.
    struct BatchOutcome {
        var results: [Result<[LogPosition], JobLogError>]
        var fatal: JobLogError?
    }

    /// How a batch is made durable: `fdatasync`, or a stand-in that fails on cue in tests.
    typealias Synchronize = @Sendable (RandomAccessFile) throws(SystemError) -> Void
    private let synchronize: Synchronize

    init(
        directory: SegmentDirectory, catalog: LogCatalog, file: RandomAccessFile, segmentID: UInt64, offset: Int, nextSequence: UInt64,
        key: JobLogKey?, synchronize: @escaping Synchronize
    ) {
        self.synchronize = synchronize
        sealer = key.map(RecordSealer.init(key:))
        self.directory = directory
        self.catalog = catalog
        self.file = file
        self.segmentID = segmentID
        self.offset = offset
        self.nextSequence = nextSequence
    }

    /// Makes `appends` durable, as few syncs as segments touched; each append succeeds or fails
    /// whole.
    func write(_ appends: [(records: [LogRecord], bytes: Int)]) -> BatchOutcome {
        var outcome = BatchOutcome(results: [], fatal: nil)
        var run = 0..<0
        var runBytes = 0
        for (index, append) in appends.enumerated() {
            let segmentIsEmpty = offset + runBytes == SegmentFormat.headerSize
            if !segmentIsEmpty && offset + runBytes + append.bytes > directory.segmentSize {
                flush(appends[run], into: &outcome)
                if outcome.fatal != nil { break }
                do {
                    try roll()
                } catch {
                    outcome.results += Array(repeating: .failure(JobLogError.from(error)), count: appends.count - index)
                    return outcome
                }
                run = index..<index
                runBytes = 0
            }
            run = run.lowerBound..<(index + 1)
            runBytes += append.bytes
        }
        if outcome.fatal == nil { flush(appends[run], into: &outcome) }
        if let fatal = outcome.fatal {
            outcome.results += Array(repeating: .failure(fatal), count: appends.count - outcome.results.count)
        }
        return outcome
    }

    /// Prepares the next segment once the current one is half full, if none is ready (slow:
    /// called between batches, never in front of an append).
    func prepareNextSegment() {
        if spare == nil && offset > directory.segmentSize / 2 { spare = try? directory.prepare(segmentID + 1) }
    }

    private func flush(_ appends: ArraySlice<(records: [LogRecord], bytes: Int)>, into outcome: inout BatchOutcome) {
        guard !appends.isEmpty else { return }
        var positions: [[LogPosition]] = []
        let (end, sequence) = stage(appends, positions: &positions)
        defer { if staging.capacity > Self.stagingRetainLimit { staging = ByteBuffer(capacity: Self.stagingCapacity) } }
        do throws(SystemError) {
            try vectors.withUnsafeMutableBufferPointer { (buffer) throws(SystemError) in try file.write(buffer, at: offset) }
        } catch {
            undo(after: error, syncFailed: false, into: &outcome, count: appends.count)
            return
        }
        let started = MonotonicClock.nanoseconds()
        do throws(SystemError) {
            try synchronize(file)
        } catch {
            undo(after: error, syncFailed: true, into: &outcome, count: appends.count)
            return
        }
        catalog.recordSync(nanoseconds: MonotonicClock.nanoseconds() - started)
        offset = end
        nextSequence = sequence
        catalog.advance(to: offset, reserved: reservedBytes)
        outcome.results += positions.map { .success($0) }
    }

    /// Lays out the records of `appends` from the current end: headers (and small payloads, or
    /// whole sealed records) in the staging buffer, the vectors pointing at it and at large
    /// plaintext payloads. Returns the new
    /// end and next sequence, and each append's positions.
    private func stage(_ appends: ArraySlice<(records: [LogRecord], bytes: Int)>, positions: inout [[LogPosition]]) -> (Int, UInt64) {
        staging.clear()
        pieces.removeAll(keepingCapacity: true)
        var position = offset
        var sequence = nextSequence
        for append in appends {
            var appendPositions: [LogPosition] = []
            appendPositions.reserveCapacity(append.records.count)
            for (index, record) in append.records.enumerated() {
                appendPositions.append(LogPosition(segment: segmentID, offset: UInt64(position)))
                let flags = index == append.records.count - 1 ? RecordHeader.commitFlag : 0
                record.payload.withUnsafeReadableBytes { payload in
                    if let sealer {
                        position += stageSealed(payload, sealer: sealer, offset: position, type: record.type, flags: flags, sequence: sequence)
                    } else {
                        position += stagePlain(payload, type: record.type, flags: flags, sequence: sequence)
                    }
                }
                sequence += 1
            }
            positions.append(appendPositions)
        }
        vectors.removeAll(keepingCapacity: true)
        staging.withUnsafeReadableBytes { base in
            for piece in pieces {
                switch piece {
                case .staged(let start, let count):
                    vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: base.baseAddress! + start), iov_len: count))
                case .external(let bytes):
                    vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: bytes.baseAddress!), iov_len: bytes.count))
                }
            }
        }
        return (position, sequence)
    }

    /// Stages a plaintext record: its header, and its payload too when small; returns its size.
    private func stagePlain(_ payload: UnsafeRawBufferPointer, type: UInt8, flags: UInt8, sequence: UInt64) -> Int {
        let header = RecordHeader(type: type, flags: flags, sequence: sequence, payload: payload)
        let start = staging.writerIndex
        _ = staging.writeWithUnsafeMutableBytes(minimumWritable: SegmentFormat.recordHeaderSize) { out in
            header.write(to: out.baseAddress!)
            return SegmentFormat.recordHeaderSize
        }
        if payload.count <= Self.inlinePayloadLimit {
            staging.writeBytes(payload)
            addStaged(start: start, count: staging.writerIndex - start)
        } else {
            addStaged(start: start, count: SegmentFormat.recordHeaderSize)
            pieces.append(.external(payload))  // the append's buffer outlives the write
        }
        return SegmentFormat.recordHeaderSize + payload.count
    }

    /// Stages a sealed record, header and sealed payload, at `offset`; returns its size.
    private func stageSealed(
        _ payload: UnsafeRawBufferPointer, sealer: RecordSealer, offset: Int, type: UInt8, flags: UInt8, sequence: UInt64
    ) -> Int {
        let headerSize = SegmentFormat.recordHeaderSize
        let size = headerSize + payload.count + RecordSeal.overhead
        let flags = flags | RecordHeader.encryptedFlag
        let start = staging.writerIndex
        _ = staging.writeWithUnsafeMutableBytes(minimumWritable: size) { out in
            let sealed = UnsafeMutableRawBufferPointer(rebasing: out[headerSize..<size])
            sealer.seal(payload, segment: segmentID, offset: offset, type: type, flags: flags, sequence: sequence, into: sealed)
            RecordHeader(type: type, flags: flags, sequence: sequence, payload: UnsafeRawBufferPointer(sealed)).write(to: out.baseAddress!)
            return size
        }
        addStaged(start: start, count: size)
        return size
    }

    private func addStaged(start: Int, count: Int) {
        if case .staged(let previousStart, let previousCount)? = pieces.last, previousStart + previousCount == start {
            pieces[pieces.count - 1] = .staged(start: previousStart, count: previousCount + count)
        } else {
            pieces.append(.staged(start: start, count: count))
        }
    }

    /// Fails the run and cuts the file back to the last durable end, so the next append starts
    /// clean. A failed sync other than ENOSPC/EDQUOT is fatal: the kernel may have dropped
    /// pages it could not write, and a later sync would not report it again.
    private func undo(after error: SystemError, syncFailed: Bool, into outcome: inout BatchOutcome, count: Int) {
        try? file.truncate(to: offset)
        try? directory.reserveSpace(file)
        try? file.synchronize()
        let failure = JobLogError.from(error)
        if syncFailed, case .io = failure {
            outcome.fatal = failure
        } else {
            outcome.results += Array(repeating: .failure(failure), count: count)
        }
    }

    /// Closes the current segment and starts the next: the prepared one if there is one.
    private func roll() throws(SystemError) {
        let id = segmentID + 1
        let next: RandomAccessFile
        if let prepared = spare {
            next = prepared
        } else {
            next = try directory.prepare(id)
        }
        spare = nil
        try directory.activate(next, id: id, baseSequence: nextSequence, keyID: keyID)
        try? file.truncate(to: offset)  // give back the preallocated rest; its records are synced
        file = next
        segmentID = id
        offset = SegmentFormat.headerSize
        catalog.roll(to: id, file: next, end: offset, keyID: keyID)
    }

    /// The key id of the segments this writer starts: 0 for plaintext.
    private var keyID: UInt32 { sealer?.key.id ?? 0 }

    /// Bytes preallocated beyond the records: the current segment's rest and the spare.
    private var reservedBytes: Int {
        guard directory.preallocate else { return 0 }
        return max(0, directory.segmentSize - offset) + (spare == nil ? 0 : directory.segmentSize)
    }
}
