import CSSL

/// One direction of a TLS 1.3 connection's record protection (RFC 8446 §5.2, §5.3): an AES-GCM
/// context keyed once from the direction's traffic secret, the IV, and the record sequence
/// number. Per record only the nonce is set, then AAD, data, tag: no allocation.
final class RecordProtection {
    /// The record header's and tag's bytes around the encrypted inner plaintext.
    static let headerLength = 5, tagLength = 16
    /// Records protected (sealed or opened) under the current key; the next record's sequence number.
    private(set) var sequenceNumber: UInt64 = 0
    /// KeyUpdates applied (0 for the first application traffic key).
    private(set) var generation = 0

    private let suite: TLS13CipherSuite
    private let sealing: Bool
    private let context: OpaquePointer
    private var secret: SecretBytes
    /// The IV (12 bytes), then scratch space for the per-record nonce (12 bytes).
    private let ivAndNonce = SecretBytes(count: 24)

    /// A direction keyed from `secret` (a traffic secret of `suite`'s hash), for sealing or
    /// opening; nil when OpenSSL refuses the cipher set-up.
    init?(suite: TLS13CipherSuite, secret: SecretBytes, sealing: Bool) {
        guard let context = EVP_CIPHER_CTX_new() else { return nil }
        self.suite = suite
        self.sealing = sealing
        self.context = context
        self.secret = secret
        guard installKeys() else { return nil }
    }

    deinit { EVP_CIPHER_CTX_free(context) }  // frees (and wipes) the expanded key schedule

    /// Moves to the next traffic secret (KeyUpdate, RFC 8446 §7.2) and its key and IV; the
    /// sequence number starts again at 0. False when OpenSSL fails: the direction is unusable.
    func update() -> Bool {
        let next = SecretBytes(count: secret.bytes.count)
        guard TrafficKeySchedule.expandLabel(secret: UnsafeRawBufferPointer(secret.bytes), label: "traffic upd", digest: suite.digest, into: next.bytes)
        else { return false }
        secret = next
        sequenceNumber = 0
        generation += 1
        return installKeys()
    }

    /// Seals one record of `type` carrying `content` at `output`, which has room for
    /// `content.count + 22` bytes: header, encrypted content and type, tag. Returns the bytes
    /// written, or nil when OpenSSL fails.
    func seal(_ content: UnsafeRawBufferPointer, type: UInt8, into output: UnsafeMutableRawPointer) -> Int? {
        let bodyLength = content.count + 1 + Self.tagLength
        writeHeader(bodyLength: bodyLength, at: output)
        let body = output.assumingMemoryBound(to: UInt8.self) + Self.headerLength
        var type = type, written: Int32 = 0
        guard EVP_EncryptInit_ex(context, nil, nil, nil, nonce()) == 1,
              EVP_EncryptUpdate(context, nil, &written, output.assumingMemoryBound(to: UInt8.self), Int32(Self.headerLength)) == 1,
              content.isEmpty || EVP_EncryptUpdate(context, body, &written, content.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(content.count)) == 1,
              EVP_EncryptUpdate(context, body + content.count, &written, &type, 1) == 1,
              EVP_EncryptFinal_ex(context, body + content.count + 1, &written) == 1,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_GET_TAG, Int32(Self.tagLength), body + content.count + 1) == 1
        else { return nil }
        sequenceNumber += 1
        return Self.headerLength + bodyLength
    }

    /// Opens the whole record in `record` (header and body, already checked) into `output`,
    /// which has room for the body less its tag. Returns the inner plaintext's length, or nil
    /// when the record does not authenticate (what was written to `output` is wiped then).
    func open(_ record: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) -> Int? {
        let header = record.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let sealedLength = record.count - Self.headerLength - Self.tagLength
        let plaintext = output.assumingMemoryBound(to: UInt8.self)
        var written: Int32 = 0
        let tag = UnsafeMutableRawPointer(mutating: record.baseAddress! + Self.headerLength + sealedLength)
        guard EVP_DecryptInit_ex(context, nil, nil, nil, nonce()) == 1,
              EVP_DecryptUpdate(context, nil, &written, header, Int32(Self.headerLength)) == 1,
              EVP_DecryptUpdate(context, plaintext, &written, header + Self.headerLength, Int32(sealedLength)) == 1,
              EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_AEAD_SET_TAG, Int32(Self.tagLength), tag) == 1,
              EVP_DecryptFinal_ex(context, plaintext + sealedLength, &written) == 1
        else {
            OPENSSL_cleanse(output, sealedLength)
            return nil
        }
        sequenceNumber += 1
        return sealedLength
    }

    /// Writes an application_data record header (the AAD, RFC 8446 §5.2) for a body of `bodyLength`.
    private func writeHeader(bodyLength: Int, at output: UnsafeMutableRawPointer) {
        output.storeBytes(of: 0x17, as: UInt8.self)
        output.storeBytes(of: 0x03, toByteOffset: 1, as: UInt8.self)
        output.storeBytes(of: 0x03, toByteOffset: 2, as: UInt8.self)
        output.storeBytes(of: UInt8(bodyLength >> 8), toByteOffset: 3, as: UInt8.self)
        output.storeBytes(of: UInt8(bodyLength & 0xFF), toByteOffset: 4, as: UInt8.self)
    }

    /// The per-record nonce: the IV with the sequence number, big-endian, XORed into its last 8 bytes.
    private func nonce() -> UnsafePointer<UInt8> {
        let iv = ivAndNonce.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let nonce = iv + 12
        nonce.update(from: iv, count: 4)
        for index in 0..<8 { nonce[4 + index] = iv[4 + index] ^ UInt8(truncatingIfNeeded: sequenceNumber >> (56 - 8 * index)) }
        return UnsafePointer(nonce)
    }

    /// Derives the key and IV from `secret` (RFC 8446 §7.3) and keys the cipher context.
    private func installKeys() -> Bool {
        let key = SecretBytes(count: suite.keyLength)
        let secretBytes = UnsafeRawBufferPointer(secret.bytes)
        guard TrafficKeySchedule.expandLabel(secret: secretBytes, label: "key", digest: suite.digest, into: key.bytes),
              TrafficKeySchedule.expandLabel(
                  secret: secretBytes, label: "iv", digest: suite.digest, into: UnsafeMutableRawBufferPointer(rebasing: ivAndNonce.bytes.prefix(12)))
        else { return false }
        let keyPointer = key.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let result = sealing
            ? EVP_EncryptInit_ex(context, suite.cipher, nil, keyPointer, nil)
            : EVP_DecryptInit_ex(context, suite.cipher, nil, keyPointer, nil)
        return result == 1
    }
}
