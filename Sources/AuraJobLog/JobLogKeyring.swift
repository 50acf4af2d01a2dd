import AuraBytes
import AuraCrypto
import AuraPosix
import Glibc

/// A key of the job log's encryption at rest (docs/ENCRYPTION.md): 32 bytes, named in segment
/// headers by an id derived from the key itself, so a wrong key is recognised before any record
/// is read.
public struct JobLogKey: Sendable, Equatable {
    /// The first four bytes of HMAC-SHA256(key, "aura joblog key id"), never 0 (0 means
    /// plaintext in a segment header).
    public let id: UInt32
    let bytes: [UInt8]

    /// A key from its 32 bytes.
    public init(bytes: [UInt8]) throws(JobLogError) {
        guard bytes.count == AES256GCM.keySize else {
            throw .encryption("an encryption key is 32 bytes (or 64 hex digits), got \(bytes.count) bytes")
        }
        if let reason = AES256GCM.unavailableReason { throw .encryption(reason) }
        self.bytes = bytes
        let digest = "aura joblog key id".utf8.withContiguousStorageIfAvailable { Crypto.hmacSHA256(key: bytes, UnsafeRawBufferPointer($0)) }!
        id = max(1, UInt32(truncatingIfNeeded: digest.words.0))
    }

    /// A key from what a key file or `AURA_ENCRYPTION_KEY` holds: 64 hex digits (whitespace
    /// around them ignored) or, in a file, exactly 32 raw bytes. `source` names it in errors.
    public init(decoding contents: [UInt8], source: String) throws(JobLogError) {
        let trimmed = contents.drop { Self.isSpace($0) }.reversed().drop { Self.isSpace($0) }.reversed()
        if trimmed.count == 2 * AES256GCM.keySize, let bytes = Self.hexBytes(Array(trimmed)) {
            try self.init(bytes: bytes)
        } else if contents.count == AES256GCM.keySize {
            try self.init(bytes: contents)
        } else {
            throw .encryption("\(source) must hold 64 hex digits or 32 raw bytes, it holds \(contents.count) bytes")
        }
    }

    /// The key in the file at `path`, which only its owner may read or write (mode 0600 or
    /// 0400): a key that others can read is refused.
    public static func load(file path: String) throws(JobLogError) -> JobLogKey {
        let contents: [UInt8]?
        let mode: mode_t
        do throws(SystemError) {
            mode = try Files.mode(path)
            contents = try Files.read(path, limit: 4096)
        } catch {
            throw .encryption("cannot read the key file \(path): \(error)")
        }
        guard mode & 0o077 == 0 else {
            throw .encryption("the key file \(path) has mode \(String(mode & 0o777, radix: 8)): others may read it; chmod 600 it")
        }
        guard let contents else { throw .encryption("the key file \(path) does not exist") }
        return try JobLogKey(decoding: contents, source: "the key file \(path)")
    }

    /// The id as 8 hex digits, as errors and logs show it.
    public var idText: String { Self.idText(id) }

    static func idText(_ id: UInt32) -> String {
        let digits = String(id, radix: 16)
        return String(repeating: "0", count: 8 - digits.count) + digits
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }

    private static func hexBytes(_ digits: [UInt8]) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = HexDigit.value(digits[index]), let low = HexDigit.value(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        return bytes
    }
}

/// The keys the job log works with: the current one, under which new segments are sealed (none:
/// new segments are plaintext), and old ones, kept only to read segments sealed before a
/// rotation.
public struct JobLogKeyring: Sendable {
    /// The key new segments are sealed under; nil writes plaintext.
    public var current: JobLogKey?
    /// Keys that only read.
    public var old: [JobLogKey]

    /// A keyring; `current` nil writes plaintext segments (old ones still read with `old`).
    public init(current: JobLogKey?, old: [JobLogKey] = []) {
        self.current = current
        self.old = old
    }

    /// No keys: a plaintext log, as before encryption existed.
    public static let plaintext = JobLogKeyring(current: nil)

    /// The keyring the server's options and environment give: the current key from `keyFile`
    /// or else from `environmentKey` (the value of `AURA_ENCRYPTION_KEY`), old ones from
    /// `oldKeyFiles`. Giving both a key file and the variable is an error (which one is meant?).
    public static func configured(keyFile: String?, environmentKey: String?, oldKeyFiles: [String]) throws(JobLogError) -> JobLogKeyring {
        var current: JobLogKey?
        switch (keyFile, environmentKey) {
        case (let path?, nil): current = try JobLogKey.load(file: path)
        case (nil, let text?): current = try JobLogKey(decoding: Array(text.utf8), source: "AURA_ENCRYPTION_KEY")
        case (nil, nil): current = nil
        case (_?, _?): throw .encryption("both --encryption-key-file and AURA_ENCRYPTION_KEY are set: give one")
        }
        var old: [JobLogKey] = []
        for path in oldKeyFiles { old.append(try JobLogKey.load(file: path)) }
        return JobLogKeyring(current: current, old: old)
    }

    /// The key with `id`, current or old.
    func key(_ id: UInt32) -> JobLogKey? {
        if let current, current.id == id { return current }
        return old.first { $0.id == id }
    }

    /// Every key, current first.
    var all: [JobLogKey] { (current.map { [$0] } ?? []) + old }

    /// The key id new segments get: 0 for plaintext.
    var currentID: UInt32 { current?.id ?? 0 }

    /// Bytes a record takes on disk beyond its header and payload.
    var recordOverhead: Int { current == nil ? 0 : RecordSeal.overhead }

    /// The ids given, for error messages.
    var description: String { all.isEmpty ? "no key was given" : "the keys given have ids " + all.map(\.idText).joined(separator: ", ") }
}
