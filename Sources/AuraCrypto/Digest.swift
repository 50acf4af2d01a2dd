import AuraPosix

/// A SHA-256 digest: 32 bytes, stored inline (hashable, no allocation).
public struct SHA256Digest: Hashable, Sendable, CustomStringConvertible {
    /// The digest's four 64-bit words, in byte order.
    public let words: (UInt64, UInt64, UInt64, UInt64)

    init(bytes: UnsafeRawBufferPointer) {
        words = (
            bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: 16, as: UInt64.self), bytes.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    /// The 32 bytes.
    public var bytes: [UInt8] { withUnsafeBytes(of: words) { Array($0) } }

    /// The digest in lowercase hex.
    public var description: String { bytes.map { byte in String(byte, radix: 16).count == 1 ? "0" + String(byte, radix: 16) : String(byte, radix: 16) }.joined() }

    public static func == (a: SHA256Digest, b: SHA256Digest) -> Bool { a.words == b.words }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
    }
}

/// SHA-256 and HMAC-SHA256 (our own C, Sources/CAuraSHA256), random bytes from the kernel.
public enum Crypto {
    /// The SHA-256 of `data`.
    public static func sha256(_ data: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256Hasher()
        hasher.update(data)
        return hasher.finalize()
    }

    /// The SHA-256 of `first` followed by `second` (a salt and a secret, say), without an
    /// allocation: what a key check on every call needs.
    public static func sha256(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> SHA256Digest {
        var hasher = SHA256Hasher()
        hasher.update(first)
        hasher.update(second)
        return hasher.finalize()
    }

    /// The SHA-256 of `bytes`.
    public static func sha256(_ bytes: [UInt8]) -> SHA256Digest { bytes.withUnsafeBytes { sha256($0) } }

    /// The HMAC-SHA256 of `data` under `key`.
    public static func hmacSHA256(key: [UInt8], _ data: UnsafeRawBufferPointer) -> SHA256Digest {
        // RFC 2104: the key (hashed first when longer than a block), zero-padded to a block and
        // XORed with 0x36 starts the inner hash over the data; XORed with 0x5c, the outer hash
        // over the inner digest.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { pad in
            pad.initialize(repeating: 0)
            if key.count > 64 {
                withUnsafeBytes(of: sha256(key).words) { UnsafeMutableRawBufferPointer(pad).copyMemory(from: $0) }
            } else {
                key.withUnsafeBytes { UnsafeMutableRawBufferPointer(pad).copyMemory(from: $0) }
            }
            var hasher = SHA256Hasher()
            for index in pad.indices { pad[index] ^= 0x36 }
            hasher.update(UnsafeRawBufferPointer(pad))
            hasher.update(data)
            let inner = hasher.finalize()
            for index in pad.indices { pad[index] ^= 0x36 ^ 0x5c }
            hasher.update(UnsafeRawBufferPointer(pad))
            withUnsafeBytes(of: inner.words) { hasher.update($0) }
            return hasher.finalize()
        }
    }

    /// `count` cryptographically random bytes, from the kernel (`getrandom`): OpenSSL's own
    /// generator would set up its providers first, which keeps about 2 MiB more of libcrypto
    /// resident in a server that otherwise only hashes.
    public static func randomBytes(_ count: Int) -> [UInt8] {
        do {
            return try SystemRandom.bytes(count)
        } catch {
            preconditionFailure("getrandom failed: \(error)")  // only before the kernel's pool is ready, at boot
        }
    }
}
