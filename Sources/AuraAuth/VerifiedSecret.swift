import Synchronization

/// The secret that last matched a key's digest, so the next call presenting the same bytes
/// skips the salted SHA-256 (about half of the auth check's cost per call). It is compared in
/// constant time, and only stands in for the digest comparison: the key's current record
/// (revoked, scopes, limit) is still read on every call, so changes apply at once. The bytes
/// stay in memory only (the keys file keeps digests), as every request's bytes do briefly.
final class VerifiedSecret: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    /// Whether `secret` is the secret remembered by `remember(_:)`.
    func matches(_ secret: UnsafeRawBufferPointer) -> Bool {
        bytes.withLock { known in
            guard known.count == secret.count, !known.isEmpty else { return false }
            // Constant time, 8 bytes a step (a secret is 64 hex digits; any tail a byte at a time).
            return known.withUnsafeBytes { known in
                var difference: UInt64 = 0
                var offset = 0
                while offset + 8 <= known.count {
                    difference |= known.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        ^ secret.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    offset += 8
                }
                while offset < known.count {
                    difference |= UInt64(known[offset] ^ secret[offset])
                    offset += 1
                }
                return difference == 0
            }
        }
    }

    /// Remembers `secret`, which matched the key's digest.
    func remember(_ secret: UnsafeRawBufferPointer) {
        let copy = Array(secret)
        bytes.withLock { $0 = copy }
    }
}
