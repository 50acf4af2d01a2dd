import AuraBytes
import AuraPosix

/// A segment as the log tracks it: its id and the end of its records.
struct SegmentExtent: Sendable {
    let id: UInt64
    var end: Int
    /// The key its records are sealed under: 0 for plaintext.
    var keyID: UInt32
}

/// Reads every segment at open: verifies each record, hands intact appends to `visit` in log
/// order, truncates a torn tail, and throws `.corrupt` for damage anywhere else (or, in repair
/// mode, keeps every intact record, covers the damage with a padding record and says so).
///
/// The rules, in `docs/JOBLOG.md`: damage is a torn tail when no intact record follows it in
/// the last segment; records after the last commit flag (an append cut short) belong to the
/// tail. Anything else is corruption.
struct Recovery {
    let directory: SegmentDirectory
    let opener: RecordOpener
    let repair: Bool
    let visit: (StoredRecord) throws -> Void

    private(set) var report = RecoveryReport()
    private(set) var extents: [SegmentExtent] = []
    /// The highest sequence seen so far.
    private(set) var lastSequence: UInt64 = 0
    /// The base sequence in the last segment's header.
    private(set) var lastBaseSequence: UInt64 = 1
    /// The last segment, open for writing.
    private(set) var lastFile: RandomAccessFile?

    init(directory: SegmentDirectory, keyring: JobLogKeyring, repair: Bool, visit: @escaping (StoredRecord) throws -> Void) {
        self.directory = directory
        opener = RecordOpener(keyring: keyring)
        self.repair = repair
        self.visit = visit
    }

    /// The sequence the next appended record gets.
    var nextSequence: UInt64 { max(lastSequence + 1, lastBaseSequence) }

    /// Recovers every segment in the folder, oldest first.
    mutating func run() throws {
        let names = try jobLog { () throws(SystemError) in try Files.names(inDirectory: directory.path) }
        let ids = names.compactMap(SegmentFormat.segmentID(fileName:)).sorted()
        try checkKeys(ids)
        for name in names where name.hasSuffix(".seg.tmp") {
            try jobLog { () throws(SystemError) in try Files.remove("\(directory.path)/\(name)") }
        }
        for (previous, id) in zip(ids, ids.dropFirst()) where id > previous + 1 {
            report.missingSegments.append((previous + 1)...(id - 1))
        }
        for (index, id) in ids.enumerated() {
            try recoverSegment(id, isLast: index == ids.count - 1)
        }
        report.segments = ids.count
    }

    /// Before anything is cut or repaired: every segment sealed under a key that was not given
    /// stops the open (a damaged header is left to the segment's own recovery).
    private func checkKeys(_ ids: [UInt64]) throws(JobLogError) {
        for id in ids {
            let bytes = try jobLog { () throws(SystemError) in
                try RandomAccessFile.open(directory.segmentPath(id), readOnly: true).read(count: SegmentFormat.headerSize, at: 0)
            }
            guard case .success(let header) = bytes.withUnsafeBytes({ SegmentFormat.decodeHeader($0, expectedID: id) }),
                header.keyID != 0, opener.keyring.key(header.keyID) == nil
            else { continue }
            throw .encryption(
                "\(SegmentFormat.fileName(id)) is sealed under key id \(JobLogKey.idText(header.keyID)), and \(opener.keyring.description); "
                    + "give that key (--encryption-key-file, or --encryption-old-key-file after a rotation). Nothing was changed")
        }
    }

    private mutating func recoverSegment(_ id: UInt64, isLast: Bool) throws {
        let name = SegmentFormat.fileName(id)
        let file = try jobLog { () throws(SystemError) in try RandomAccessFile.open(directory.segmentPath(id)) }
        let size = try jobLog { () throws(SystemError) in try file.size() }
        var keyID = try checkHeader(file, id: id, name: name)
        let headerIsDamaged = keyID == nil
        tailNonZeroEnd = 0

        var scanner = SegmentScanner(file: file, from: SegmentFormat.headerSize, limit: size)
        var pending: [StoredRecord] = []
        var firstSequence: UInt64?
        var end = SegmentFormat.headerSize
        while true {
            let step = try jobLog { () throws(SystemError) in try scanner.next(after: pending.last?.sequence ?? lastSequence) }
            switch step {
            case .record(let header, let offset, var payload):
                if !header.isPadding {
                    if keyID == nil {  // the header was lost: the first record tells the key
                        keyID = header.isEncrypted ? try keyOfRecord(payload, header: header, segment: id, offset: offset) : 0
                    }
                    try opener.open(&payload, header: header, segment: id, offset: offset, keyID: keyID!)
                    pending.append(StoredRecord(
                        position: LogPosition(segment: id, offset: UInt64(offset)), sequence: header.sequence, type: header.type, payload: payload))
                    firstSequence = firstSequence ?? header.sequence
                }
                if header.endsAppend {
                    try deliver(&pending)
                    end = scanner.offset
                }
                continue
            case .end(let offset):
                if offset == size && pending.isEmpty { break }
                let reason = pending.isEmpty ? "zeros before more records" : "an append without its last record"
                if try skipDamage(file, name: name, at: offset, reason: reason, size: size, pending: &pending, scanner: &scanner) {
                    end = scanner.offset
                    continue
                }
            case .bad(let offset, let reason):
                if try skipDamage(file, name: name, at: offset, reason: reason, size: size, pending: &pending, scanner: &scanner) {
                    end = scanner.offset
                    continue
                }
            }
            break
        }
        if size > end { try cutTail(file, id: id, name: name, at: end, size: size, isLast: isLast) }
        if headerIsDamaged {
            let base = firstSequence ?? lastSequence + 1
            let header = SegmentFormat.encodeHeader(id: id, baseSequence: base, keyID: keyID ?? 0)
            try jobLog { () throws(SystemError) in
                try file.write(header, at: 0)
                try file.synchronize()
            }
            lastBaseSequence = base
        }
        extents.append(SegmentExtent(id: id, end: end, keyID: keyID ?? 0))
        if isLast { lastFile = file }
    }

    /// Verifies the segment header and returns its key id; returns nil when it is damaged and
    /// will be rewritten (repair mode), throws otherwise.
    private mutating func checkHeader(_ file: RandomAccessFile, id: UInt64, name: String) throws(JobLogError) -> UInt32? {
        let bytes = try jobLog { () throws(SystemError) in try file.read(count: SegmentFormat.headerSize, at: 0) }
        let decoded = bytes.withUnsafeBytes { SegmentFormat.decodeHeader($0, expectedID: id) }
        switch decoded {
        case .success(let header) where header.baseSequence > lastSequence:
            lastBaseSequence = header.baseSequence
            return header.keyID
        case .success(let header):
            return try damagedHeader(name, reason: "base sequence \(header.baseSequence) does not follow \(lastSequence)")
        case .failure(.damaged(let reason)):
            return try damagedHeader(name, reason: reason)
        case .failure(.unsupported(let reason)):
            throw .corrupt(segment: name, offset: 0, reason: reason)
        }
    }

    private mutating func damagedHeader(_ name: String, reason: String) throws(JobLogError) -> UInt32? {
        guard repair else { throw .corrupt(segment: name, offset: 0, reason: reason) }
        report.dropped.append("\(name): segment header rewritten (\(reason))")
        return nil
    }

    /// The id of the key that opens a sealed record of a segment whose header was lost; throws
    /// when no key given does (the header is then not rewritten).
    private func keyOfRecord(_ payload: ByteBuffer, header: RecordHeader, segment: UInt64, offset: Int) throws(JobLogError) -> UInt32 {
        guard let key = opener.findKey(payload, header: header, segment: segment, offset: offset) else {
            throw .encryption("\(SegmentFormat.fileName(segment)) lost its header and no key given opens its records (\(opener.keyring.description)); nothing was changed")
        }
        return key.id
    }

    /// Hands the records of a complete append to `visit`.
    private mutating func deliver(_ pending: inout [StoredRecord]) throws {
        for record in pending {
            try visit(record)
            report.records += 1
            report.bytes += SegmentFormat.recordHeaderSize + record.payload.readableBytes
            lastSequence = record.sequence
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Handles damage at `offset`. When intact records follow it this is corruption: throws, or
    /// in repair mode keeps `pending` (intact records of an append the damage cut), covers the
    /// damage with a padding record, moves the scanner past it and returns true. When nothing
    /// intact follows, returns false: the caller cuts the tail there.
    private mutating func skipDamage(
        _ file: RandomAccessFile, name: String, at offset: Int, reason: String, size: Int,
        pending: inout [StoredRecord], scanner: inout SegmentScanner
    ) throws -> Bool {
        let after = pending.last?.sequence ?? lastSequence
        var finding = try jobLog { () throws(SystemError) in try DamageSearch.search(file, from: offset, limit: size, after: after) }
        guard var intact = finding.intactRecord else {
            tailReason = reason
            tailNonZeroEnd = max(offset, finding.nonZeroEnd)
            return false
        }
        guard repair else { throw JobLogError.corrupt(segment: name, offset: UInt64(offset), reason: reason) }
        if intact - offset < SegmentFormat.recordHeaderSize {  // too little room for a padding header: drop that record too
            finding = try jobLog { () throws(SystemError) in
                try DamageSearch.search(file, from: offset + SegmentFormat.recordHeaderSize, limit: size, after: after)
            }
            guard let further = finding.intactRecord else {
                tailReason = reason
                tailNonZeroEnd = max(offset, finding.nonZeroEnd)
                return false
            }
            intact = further
        }
        let savedAs = try saveAside(file, name: name, from: offset, to: intact)
        try jobLog { () throws(SystemError) in try writePadding(file, from: offset, to: intact) }
        if !pending.isEmpty {
            report.dropped.append("\(name): kept \(pending.count) intact records of an append cut by the damage at offset \(offset)")
        }
        try deliver(&pending)
        report.dropped.append("\(name): bytes \(offset)..<\(intact) (\(intact - offset) bytes, \(reason)) covered by padding, saved as \(savedAs)")
        scanner.seek(to: intact)
        return true
    }

    /// Why the tail being cut is bad, and where its non-zero bytes end (set by `skipDamage`).
    private var tailReason = ""
    private var tailNonZeroEnd = 0

    /// Cuts the segment at `end`, the end of its last complete append. In the last segment
    /// that is a torn tail (reported); in a closed segment, written whole before the next
    /// began, anything but zeros there is corruption.
    private mutating func cutTail(_ file: RandomAccessFile, id: UInt64, name: String, at end: Int, size: Int, isLast: Bool) throws {
        let dropped = max(0, max(tailNonZeroEnd, end) - end)
        if dropped == 0 && isLast { return }  // only zeros (preallocated space) after the end
        if dropped > 0 {
            if isLast {
                report.truncatedTail = (segment: id, offset: UInt64(end), droppedBytes: dropped)
            } else if repair {
                let savedAs = try saveAside(file, name: name, from: end, to: end + dropped)
                report.dropped.append("\(name): \(dropped) bytes after offset \(end) cut (\(tailReason)), saved as \(savedAs)")
            } else {
                throw JobLogError.corrupt(segment: name, offset: UInt64(end), reason: tailReason + " (in a closed segment)")
            }
        }
        try jobLog { () throws(SystemError) in
            try file.truncate(to: end)
            if isLast { try directory.reserveSpace(file) }
            try file.synchronize()
        }
    }

    /// Copies the bytes `from..<to` of the segment to `<segment>.dropped-<from>` before repair
    /// overwrites or cuts them; returns that file's name.
    private func saveAside(_ file: RandomAccessFile, name: String, from: Int, to: Int) throws(JobLogError) -> String {
        let savedName = "\(name).dropped-\(from)"
        try jobLog { () throws(SystemError) in
            try Files.write(file.read(count: to - from, at: from), to: "\(directory.path)/\(savedName)")
        }
        return savedName
    }

    /// Turns the damaged bytes `from..<to` into one padding record (its payload the damaged
    /// bytes after its header), which reading skips: offsets of later records stay valid.
    private func writePadding(_ file: RandomAccessFile, from: Int, to: Int) throws(SystemError) {
        let length = to - from - SegmentFormat.recordHeaderSize
        let payload = try file.read(count: length, at: from + SegmentFormat.recordHeaderSize)
        let header = payload.withUnsafeBytes {
            RecordHeader(type: 0, flags: RecordHeader.commitFlag | RecordHeader.paddingFlag, sequence: 0, payload: $0)
        }
        var bytes = [UInt8](repeating: 0, count: SegmentFormat.recordHeaderSize)
        bytes.withUnsafeMutableBytes { header.write(to: $0.baseAddress!) }
        try file.write(bytes, at: from)
        try file.synchronize()
    }
}

/// Runs `body`, turning a `SystemError` into the `JobLogError` for it.
@inline(__always)
func jobLog<T>(_ body: () throws(SystemError) -> T) throws(JobLogError) -> T {
    do {
        return try body()
    } catch {
        throw JobLogError.from(error)
    }
}
