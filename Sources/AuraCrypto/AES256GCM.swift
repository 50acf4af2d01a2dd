import CAuraOpenSSL
import CCrypto

/// AES-256-GCM (NIST SP 800-38D) through OpenSSL's EVP API: authenticated encryption with a
/// 96-bit nonce and a 128-bit tag. The key schedule is set up once; each `seal` or `open` only
/// sets the nonce. Not thread-safe: one owner at a time (the job log's writer has its own,
/// every reader makes one).
///
/// A nonce must never repeat under one key: the caller builds it (see docs/ENCRYPTION.md for
/// how the job log does).
public final class AES256GCM: @unchecked Sendable {  // used by one thread at a time, moved with its owner
    /// Bytes of a key.
    public static let keySize = 32
    /// Bytes of a nonce.
    public static let nonceSize = 12
    /// Bytes of a tag.
    public static let tagSize = 16

    /// Why AES-256-GCM cannot be used here (libcrypto does not load), or nil when it can. Ask
    /// before making the first cipher: that loads libcrypto, which a server without encryption
    /// at rest or TLS never maps.
    public static var unavailableReason: String? { aura_openssl_load(0).map { String(cString: $0) } }

    private let sealer: OpaquePointer
    private let opener: OpaquePointer

    /// A cipher under `key`, which must be `keySize` bytes.
    public init(key: [UInt8]) {
        precondition(key.count == Self.keySize, "AES-256-GCM takes a 32-byte key")
        sealer = EVP_CIPHER_CTX_new()!
        opener = EVP_CIPHER_CTX_new()!
        precondition(EVP_EncryptInit_ex(sealer, EVP_aes_256_gcm(), nil, key, nil) == 1, "EVP_EncryptInit_ex(AES-256-GCM) failed")
        precondition(EVP_DecryptInit_ex(opener, EVP_aes_256_gcm(), nil, key, nil) == 1, "EVP_DecryptInit_ex(AES-256-GCM) failed")
    }

    deinit {
        EVP_CIPHER_CTX_free(sealer)
        EVP_CIPHER_CTX_free(opener)
    }

    /// Encrypts `plaintext` into `ciphertext` (the same size; may be the same memory) and writes
    /// the tag that authenticates both it and `associatedData` into `tag` (`tagSize` bytes).
    public func seal(
        nonce: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer, plaintext: UnsafeRawBufferPointer,
        ciphertext: UnsafeMutableRawBufferPointer, tag: UnsafeMutableRawBufferPointer
    ) {
        precondition(nonce.count == Self.nonceSize && tag.count == Self.tagSize && ciphertext.count == plaintext.count)
        precondition(EVP_EncryptInit_ex(sealer, nil, nil, nil, nonce.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 1)
        var written: Int32 = 0
        if associatedData.count > 0 {
            precondition(EVP_EncryptUpdate(sealer, nil, &written, bytes(associatedData), Int32(associatedData.count)) == 1)
        }
        if plaintext.count > 0 {
            precondition(EVP_EncryptUpdate(sealer, bytes(ciphertext), &written, bytes(plaintext), Int32(plaintext.count)) == 1)
        }
        var none: UInt8 = 0  // GCM writes nothing at the end; OpenSSL still wants a pointer
        precondition(EVP_EncryptFinal_ex(sealer, &none, &written) == 1, "EVP_EncryptFinal_ex failed")
        precondition(EVP_CIPHER_CTX_ctrl(sealer, EVP_CTRL_GCM_GET_TAG, Int32(Self.tagSize), tag.baseAddress) == 1)
    }

    /// Decrypts `ciphertext` into `plaintext` (the same size; may be the same memory) and checks
    /// `tag` over it and `associatedData`. Returns false when they do not match (wrong key,
    /// nonce or associated data, or altered bytes): `plaintext` then holds garbage.
    public func open(
        nonce: UnsafeRawBufferPointer, associatedData: UnsafeRawBufferPointer, ciphertext: UnsafeRawBufferPointer,
        tag: UnsafeRawBufferPointer, plaintext: UnsafeMutableRawBufferPointer
    ) -> Bool {
        precondition(nonce.count == Self.nonceSize && tag.count == Self.tagSize && ciphertext.count == plaintext.count)
        precondition(EVP_DecryptInit_ex(opener, nil, nil, nil, nonce.baseAddress!.assumingMemoryBound(to: UInt8.self)) == 1)
        var written: Int32 = 0
        if associatedData.count > 0 {
            precondition(EVP_DecryptUpdate(opener, nil, &written, bytes(associatedData), Int32(associatedData.count)) == 1)
        }
        if ciphertext.count > 0 {
            precondition(EVP_DecryptUpdate(opener, bytes(plaintext), &written, bytes(ciphertext), Int32(ciphertext.count)) == 1)
        }
        precondition(EVP_CIPHER_CTX_ctrl(opener, EVP_CTRL_GCM_SET_TAG, Int32(Self.tagSize), UnsafeMutableRawPointer(mutating: tag.baseAddress)) == 1)
        var none: UInt8 = 0
        return EVP_DecryptFinal_ex(opener, &none, &written) == 1
    }

    private func bytes(_ buffer: UnsafeRawBufferPointer) -> UnsafePointer<UInt8> { buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) }
    private func bytes(_ buffer: UnsafeMutableRawBufferPointer) -> UnsafeMutablePointer<UInt8> { buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) }
}
