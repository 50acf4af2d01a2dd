/// The bytes of segment files, as `docs/JOBLOG.md` draws them: a 40-byte segment header, then
/// records, each a 20-byte header and its payload. Integers are little-endian; CRCs are CRC32C,
/// stored masked (`CRC32C.mask`).
enum SegmentFormat {
    static let magic: [UInt8] = Array("AURAJLOG".utf8)
    /// Plaintext segments.
    static let version: UInt32 = 1
    /// Encrypted segments: bytes 12-15 of the header hold the key id (never 0).
    static let encryptedVersion: UInt32 = 2
    static let headerSize = 40
    static let recordHeaderSize = 20

    /// `00000000000000000042.seg` for segment 42: names sort like ids.
    static func fileName(_ id: UInt64) -> String {
        let digits = String(id)
        return String(repeating: "0", count: max(0, 20 - digits.count)) + digits + ".seg"
    }

    /// The id in a segment file's name, or nil for any other name.
    static func segmentID(fileName name: String) -> UInt64? {
        guard name.hasSuffix(".seg"), name.utf8.count == 24 else { return nil }
        return UInt64(name.dropLast(4))
    }

    /// The segment header of segment `id`, whose first record will have `baseSequence` and whose
    /// records are sealed under key `keyID` (0: plaintext).
    static func encodeHeader(id: UInt64, baseSequence: UInt64, keyID: UInt32 = 0) -> [UInt8] {
        var bytes = magic
        bytes.reserveCapacity(headerSize)
        append(keyID == 0 ? version : encryptedVersion, to: &bytes)
        append(keyID, to: &bytes)
        append(id, to: &bytes)
        append(baseSequence, to: &bytes)
        let crc = bytes.withUnsafeBytes { CRC32C.checksum($0) }
        append(CRC32C.mask(crc), to: &bytes)
        append(UInt32(0), to: &bytes)
        return bytes
    }

    /// What a segment header says: its first record's sequence, and the key its records are
    /// sealed under (0: plaintext).
    struct Header: Equatable {
        var baseSequence: UInt64
        var keyID: UInt32
    }

    /// The base sequence and key id in a segment header, or why the header is bad.
    static func decodeHeader(_ bytes: UnsafeRawBufferPointer, expectedID: UInt64) -> Result<Header, HeaderProblem> {
        guard bytes.count >= headerSize else { return .failure(.damaged("the file is shorter than a segment header")) }
        let storedCRC = load(UInt32.self, bytes, 32)
        guard CRC32C.unmask(storedCRC) == CRC32C.checksum(UnsafeRawBufferPointer(rebasing: bytes[0..<32])),
            bytes.prefix(8).elementsEqual(magic), load(UInt32.self, bytes, 36) == 0
        else { return .failure(.damaged("bad segment header (magic or checksum)")) }
        let version = load(UInt32.self, bytes, 8)
        let keyID = load(UInt32.self, bytes, 12)
        guard version == self.version && keyID == 0 || version == encryptedVersion && keyID != 0 else {
            return .failure(.unsupported("segment format version \(version) with key id \(keyID), expected \(self.version) or \(encryptedVersion)"))
        }
        let id = load(UInt64.self, bytes, 16)
        guard id == expectedID else { return .failure(.damaged("the header names segment \(id), the file name \(expectedID)")) }
        return .success(Header(baseSequence: load(UInt64.self, bytes, 24), keyID: keyID))
    }

    /// Why a segment header was refused.
    enum HeaderProblem: Error {
        /// Damaged: repair rewrites it.
        case damaged(String)
        /// Intact but of a format this code does not read: never repaired.
        case unsupported(String)
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func load<T: FixedWidthInteger>(_ type: T.Type, _ bytes: UnsafeRawBufferPointer, _ offset: Int) -> T {
        T(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: T.self))
    }
}

/// The 20-byte header before every record's payload.
struct RecordHeader: Equatable {
    /// The record ends an append: recovery keeps an append only when its last record is there.
    static let commitFlag: UInt8 = 1
    /// Written by repair over damaged bytes: skipped when reading, never visited.
    static let paddingFlag: UInt8 = 2
    /// The payload is sealed (AES-256-GCM, `RecordSeal`) under the segment's key.
    static let encryptedFlag: UInt8 = 4

    var storedCRC: UInt32
    var length: UInt32
    var type: UInt8
    var flags: UInt8
    var sequence: UInt64

    /// A header for `payload`, with its CRC computed.
    init(type: UInt8, flags: UInt8, sequence: UInt64, payload: UnsafeRawBufferPointer) {
        self.storedCRC = 0
        self.length = UInt32(payload.count)
        self.type = type
        self.flags = flags
        self.sequence = sequence
        storedCRC = CRC32C.mask(checksum(payload: payload))
    }

    /// The header at the start of `bytes` (at least 20 of them), unchecked.
    init(parsing bytes: UnsafeRawBufferPointer) {
        storedCRC = SegmentFormat.load(UInt32.self, bytes, 0)
        length = SegmentFormat.load(UInt32.self, bytes, 4)
        type = bytes[8]
        flags = bytes[9]
        sequence = SegmentFormat.load(UInt64.self, bytes, 12)
        reserved = SegmentFormat.load(UInt16.self, bytes, 10)
    }

    /// Bytes 10-11, zero in every record this code writes.
    private(set) var reserved: UInt16 = 0

    /// All twenty bytes zero: the end of the written part of a preallocated file.
    var isZero: Bool { storedCRC == 0 && length == 0 && type == 0 && flags == 0 && reserved == 0 && sequence == 0 }

    var endsAppend: Bool { flags & Self.commitFlag != 0 }
    var isPadding: Bool { flags & Self.paddingFlag != 0 }
    var isEncrypted: Bool { flags & Self.encryptedFlag != 0 }

    /// Why the header cannot start a record whose payload must end by `available` bytes after
    /// it, or nil when it can (the CRC is checked separately, with the payload). Padding records
    /// carry sequence 0 and are exempt from the order check.
    func problem(available: Int, after sequence: UInt64) -> String? {
        if Int(length) > available { return "length \(length) runs past the end of the file" }
        if reserved != 0 || flags & ~(Self.commitFlag | Self.paddingFlag | Self.encryptedFlag) != 0 { return "unknown flags" }
        if !isPadding && self.sequence <= sequence { return "sequence \(self.sequence) does not follow \(sequence)" }
        return nil
    }

    /// The CRC32C of header bytes 4-19 and then the payload.
    func checksum(payload: UnsafeRawBufferPointer) -> UInt32 {
        withUnsafeTemporaryAllocation(byteCount: SegmentFormat.recordHeaderSize, alignment: 8) { header in
            write(to: header.baseAddress!)
            return CRC32C.checksum(payload, continuing: CRC32C.checksum(UnsafeRawBufferPointer(rebasing: header[4...])))
        }
    }

    /// True when the stored CRC matches `payload`.
    func matches(payload: UnsafeRawBufferPointer) -> Bool { CRC32C.unmask(storedCRC) == checksum(payload: payload) }

    /// Writes the 20 bytes, as stored, at `destination`.
    func write(to destination: UnsafeMutableRawPointer) {
        destination.storeBytes(of: storedCRC.littleEndian, toByteOffset: 0, as: UInt32.self)
        destination.storeBytes(of: length.littleEndian, toByteOffset: 4, as: UInt32.self)
        destination.storeBytes(of: type, toByteOffset: 8, as: UInt8.self)
        destination.storeBytes(of: flags, toByteOffset: 9, as: UInt8.self)
        destination.storeBytes(of: reserved.littleEndian, toByteOffset: 10, as: UInt16.self)
        destination.storeBytes(of: sequence.littleEndian, toByteOffset: 12, as: UInt64.self)
    }
}
