import AuraBytes
import AuraCrypto
import Glibc

/// How a record's payload is sealed in an encrypted segment (docs/ENCRYPTION.md): AES-256-GCM
/// under the segment's key, stored as nonce (12 bytes), ciphertext, tag (16 bytes). The record
/// header's CRC covers these stored bytes, so recovery tells torn tails from corruption without
/// the key.
///
/// The associated data binds the payload to where and what it is: segment id, offset, the
/// header's type, flags and sequence, and the key id. A record copied to another position or
/// segment, or given another type or sequence, fails to open.
enum RecordSeal {
    /// Bytes a sealed payload takes beyond the plaintext.
    static let overhead = AES256GCM.nonceSize + AES256GCM.tagSize
    static let associatedDataSize = 32

    /// Runs `body` with the associated data of a record.
    static func withAssociatedData<R>(
        segment: UInt64, offset: Int, type: UInt8, flags: UInt8, sequence: UInt64, keyID: UInt32,
        _ body: (UnsafeRawBufferPointer) -> R
    ) -> R {
        withUnsafeTemporaryAllocation(byteCount: associatedDataSize, alignment: 8) { data in
            let base = data.baseAddress!
            base.storeBytes(of: segment.littleEndian, toByteOffset: 0, as: UInt64.self)
            base.storeBytes(of: UInt64(offset).littleEndian, toByteOffset: 8, as: UInt64.self)
            base.storeBytes(of: type, toByteOffset: 16, as: UInt8.self)
            base.storeBytes(of: flags, toByteOffset: 17, as: UInt8.self)
            base.storeBytes(of: UInt16(0), toByteOffset: 18, as: UInt16.self)
            base.storeBytes(of: sequence.littleEndian, toByteOffset: 20, as: UInt64.self)
            base.storeBytes(of: keyID.littleEndian, toByteOffset: 28, as: UInt32.self)
            return body(UnsafeRawBufferPointer(data))
        }
    }
}

/// The writer's sealing: the current key and the nonces.
///
/// A nonce is a random 64-bit salt and a 32-bit counter. The salt is drawn when the writer
/// starts (every open of the log) and again whenever the counter wraps; the counter never goes
/// back, not even when a failed batch is cut off the file and its offsets and sequences are
/// written again. So two records share a nonce under one key only if two draws of the salt
/// collide: with n draws, a chance of about n²/2^65 (below 2^-32 for 65,000 opens per key).
final class RecordSealer {
    let key: JobLogKey
    private let cipher: AES256GCM
    private var salt: UInt64
    private var counter: UInt32 = 0

    init(key: JobLogKey) {
        self.key = key
        cipher = AES256GCM(key: key.bytes)
        salt = Self.drawSalt()
    }

    /// Seals `payload` for the record that will lie at `offset` of `segment` into `sealed`
    /// (`payload.count + RecordSeal.overhead` bytes). `flags` must include the encrypted flag.
    func seal(
        _ payload: UnsafeRawBufferPointer, segment: UInt64, offset: Int, type: UInt8, flags: UInt8, sequence: UInt64,
        into sealed: UnsafeMutableRawBufferPointer
    ) {
        let nonceSize = AES256GCM.nonceSize
        sealed.baseAddress!.storeBytes(of: salt.littleEndian, toByteOffset: 0, as: UInt64.self)
        sealed.baseAddress!.storeBytes(of: counter.littleEndian, toByteOffset: 8, as: UInt32.self)
        if counter == .max {
            salt = Self.drawSalt()
            counter = 0
        } else {
            counter += 1
        }
        RecordSeal.withAssociatedData(segment: segment, offset: offset, type: type, flags: flags, sequence: sequence, keyID: key.id) {
            cipher.seal(
                nonce: UnsafeRawBufferPointer(rebasing: sealed[..<nonceSize]), associatedData: $0, plaintext: payload,
                ciphertext: UnsafeMutableRawBufferPointer(rebasing: sealed[nonceSize..<(nonceSize + payload.count)]),
                tag: UnsafeMutableRawBufferPointer(rebasing: sealed[(nonceSize + payload.count)...]))
        }
    }

    private static func drawSalt() -> UInt64 {
        Crypto.randomBytes(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }
}

/// A reader's opening of sealed records: a cipher per key as it is needed.
final class RecordOpener {
    let keyring: JobLogKeyring
    private var ciphers: [UInt32: AES256GCM] = [:]

    init(keyring: JobLogKeyring) { self.keyring = keyring }

    /// Turns the stored payload of the record at `offset` of `segment`, in a segment sealed under
    /// `keyID` (0: plaintext), into its plaintext, in place. Throws `.encryption` when it does
    /// not open (the wrong key, or altered bytes) or when the record's encrypted flag does not
    /// match its segment.
    func open(_ payload: inout ByteBuffer, header: RecordHeader, segment: UInt64, offset: Int, keyID: UInt32) throws(JobLogError) {
        let name = SegmentFormat.fileName(segment)
        guard header.isEncrypted == (keyID != 0) else {
            throw .corrupt(segment: name, offset: UInt64(offset), reason: header.isEncrypted
                ? "an encrypted record in a plaintext segment" : "a plaintext record in an encrypted segment")
        }
        guard keyID != 0 else { return }
        guard let key = keyring.key(keyID) else {
            throw .encryption("\(name) is sealed under key id \(JobLogKey.idText(keyID)), and \(keyring.description)")
        }
        guard payload.readableBytes >= RecordSeal.overhead, decrypt(&payload, header: header, segment: segment, offset: offset, key: key) else {
            throw .encryption("the record at offset \(offset) of \(name) does not decrypt under key id \(key.idText): the key file holds another key with the same id, or the record was altered")
        }
        payload.moveReaderIndex(forwardBy: AES256GCM.nonceSize)
        payload.dropLast(AES256GCM.tagSize)
    }

    /// The key that opens a record of a segment whose header was lost (repair), or nil.
    func findKey(_ payload: ByteBuffer, header: RecordHeader, segment: UInt64, offset: Int) -> JobLogKey? {
        keyring.all.first { key in
            var copy = ByteBuffer(capacity: payload.readableBytes)
            copy.writeBuffer(payload)
            return payload.readableBytes >= RecordSeal.overhead && decrypt(&copy, header: header, segment: segment, offset: offset, key: key)
        }
    }

    private func decrypt(_ payload: inout ByteBuffer, header: RecordHeader, segment: UInt64, offset: Int, key: JobLogKey) -> Bool {
        let cipher = ciphers[key.id] ?? AES256GCM(key: key.bytes)
        ciphers[key.id] = cipher
        let nonceSize = AES256GCM.nonceSize
        let textSize = payload.readableBytes - RecordSeal.overhead
        return payload.withUnsafeMutableReadableBytes { stored in
            RecordSeal.withAssociatedData(
                segment: segment, offset: offset, type: header.type, flags: header.flags, sequence: header.sequence, keyID: key.id
            ) { associatedData in
                let text = UnsafeMutableRawBufferPointer(rebasing: stored[nonceSize..<(nonceSize + textSize)])
                return cipher.open(
                    nonce: UnsafeRawBufferPointer(rebasing: stored[..<nonceSize]), associatedData: associatedData,
                    ciphertext: UnsafeRawBufferPointer(text), tag: UnsafeRawBufferPointer(rebasing: stored[(nonceSize + textSize)...]),
                    plaintext: text)
            }
        }
    }
}
