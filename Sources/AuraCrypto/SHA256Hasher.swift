import CCrypto

/// SHA-256 over data that arrives in pieces (a document streamed in chunks, a text normalized
/// run by run): `update` as bytes come, `finalize` once. A value: the state lives inline, so a
/// hasher on the stack costs no allocation. Uses OpenSSL's low-level SHA-256 (see
/// Sources/CCrypto/shim.h for why not EVP).
public struct SHA256Hasher: Sendable {
    private var context = SHA256_CTX()

    /// A hasher with nothing hashed yet.
    public init() {
        precondition(SHA256_Init(&context) == 1, "SHA256_Init failed")
    }

    /// Hashes the next bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        precondition(SHA256_Update(&context, bytes.baseAddress, bytes.count) == 1, "SHA256_Update failed")
    }

    /// The digest of everything hashed; the hasher starts over afterwards.
    public mutating func finalize() -> SHA256Digest {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { out in
            precondition(SHA256_Final(out.baseAddress!.assumingMemoryBound(to: UInt8.self), &context) == 1, "SHA256_Final failed")
            precondition(SHA256_Init(&context) == 1, "SHA256_Init failed")
            return SHA256Digest(bytes: UnsafeRawBufferPointer(out))
        }
    }
}
