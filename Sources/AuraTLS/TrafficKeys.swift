import CSSL

/// Key material that must not outlive its use (traffic secrets, keys): bytes on the heap, wiped
/// with `OPENSSL_cleanse` when freed, never copied into arrays or strings.
final class SecretBytes {
    /// The bytes; valid while this object lives.
    let bytes: UnsafeMutableRawBufferPointer

    /// `count` zero bytes.
    init(count: Int) {
        bytes = .allocate(byteCount: count, alignment: 8)
        bytes.initializeMemory(as: UInt8.self, repeating: 0)
    }

    deinit {
        OPENSSL_cleanse(bytes.baseAddress, bytes.count)
        bytes.deallocate()
    }
}

/// A TLS 1.3 AES-GCM suite our record layer seals and opens: its cipher, fetched from OpenSSL's
/// provider once per process, and the hash of its key schedule.
struct TLS13CipherSuite {
    /// The suite's cipher (`EVP_CIPHER`).
    let cipher: OpaquePointer
    /// The suite's hash (`EVP_MD`): SHA-256 or SHA-384.
    let digest: OpaquePointer
    /// Bytes of the AES key: 16 or 32.
    let keyLength: Int

    /// The suite with IANA number `protocolID` (`SSL_CIPHER_get_protocol_id`), if it is
    /// TLS_AES_128_GCM_SHA256 (0x1301) or TLS_AES_256_GCM_SHA384 (0x1302).
    init?(protocolID: UInt16) {
        switch protocolID {
        case 0x1301: self.init(cipher: Self.aes128GCM, digest: EVP_sha256(), keyLength: 16)
        case 0x1302: self.init(cipher: Self.aes256GCM, digest: EVP_sha384(), keyLength: 32)
        default: return nil
        }
    }

    private init?(cipher: OpaquePointer?, digest: OpaquePointer?, keyLength: Int) {
        guard let cipher, let digest else { return nil }
        self.cipher = cipher
        self.digest = digest
        self.keyLength = keyLength
    }

    // Fetched once: `EVP_aes_128_gcm()` would make OpenSSL 3 fetch the implementation from its
    // provider again at every key set-up (each session, each KeyUpdate).
    nonisolated(unsafe) private static let aes128GCM = EVP_CIPHER_fetch(nil, "AES-128-GCM", nil)  // immutable, never freed
    nonisolated(unsafe) private static let aes256GCM = EVP_CIPHER_fetch(nil, "AES-256-GCM", nil)  // immutable, never freed
}

/// TLS 1.3's key schedule where the record layer needs it (RFC 8446 §7.1, §7.3): a direction's
/// key and IV from its traffic secret, and the next traffic secret after a KeyUpdate.
enum TrafficKeySchedule {
    /// HKDF-Expand-Label(`secret`, `label`, "", `output.count`) with `digest`'s HMAC, into
    /// `output`. Every length TLS 1.3's record layer asks for (key, IV, next secret) fits in
    /// one hash output, so HKDF-Expand is one HMAC block: T(1) = HMAC(secret, info || 0x01).
    /// False when OpenSSL fails (`output` is zeroed then).
    static func expandLabel(
        secret: UnsafeRawBufferPointer, label: StaticString, digest: OpaquePointer, into output: UnsafeMutableRawBufferPointer
    ) -> Bool {
        let hashLength = Int(EVP_MD_get_size(digest))
        precondition(output.count <= hashLength && label.utf8CodeUnitCount <= 64, "one HMAC block")
        let prefix: StaticString = "tls13 "
        // HkdfLabel: uint16 length, opaque label<7..255> ("tls13 " + label), opaque context<0..255>
        // (empty); then HKDF-Expand's block counter.
        var info: [UInt8] = [UInt8(output.count >> 8), UInt8(output.count & 0xFF), UInt8(prefix.utf8CodeUnitCount + label.utf8CodeUnitCount)]
        info += UnsafeBufferPointer(start: prefix.utf8Start, count: prefix.utf8CodeUnitCount)
        info += UnsafeBufferPointer(start: label.utf8Start, count: label.utf8CodeUnitCount)
        info += [0, 1]
        let block = SecretBytes(count: Int(EVP_MAX_MD_SIZE))
        var blockLength: UInt32 = 0
        let result = HMAC(
            digest, secret.baseAddress, Int32(secret.count), info, info.count,
            block.bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), &blockLength)
        guard result != nil, Int(blockLength) == hashLength else {
            output.initializeMemory(as: UInt8.self, repeating: 0)
            return false
        }
        output.copyMemory(from: UnsafeRawBufferPointer(rebasing: block.bytes.prefix(output.count)))
        return true
    }
}
