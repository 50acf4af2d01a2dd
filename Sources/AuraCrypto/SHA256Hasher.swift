import CCrypto

/// SHA-256 over data that arrives in pieces (a document streamed in chunks): `update` as bytes
/// come, `finalize` once. Not thread-safe: one owner at a time.
public final class SHA256Hasher: @unchecked Sendable {  // used by one task at a time; moves between threads only with it
    private let context: OpaquePointer

    /// A hasher with nothing hashed yet.
    public init() {
        context = EVP_MD_CTX_new()!
        precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex(SHA-256) failed")
    }

    deinit { EVP_MD_CTX_free(context) }

    /// Hashes the next bytes.
    public func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        precondition(EVP_DigestUpdate(context, bytes.baseAddress, bytes.count) == 1, "EVP_DigestUpdate failed")
    }

    /// The digest of everything hashed; the hasher starts over afterwards.
    public func finalize() -> SHA256Digest {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { out in
            var length: UInt32 = 32
            precondition(EVP_DigestFinal_ex(context, out.baseAddress!.assumingMemoryBound(to: UInt8.self), &length) == 1 && length == 32,
                         "EVP_DigestFinal_ex failed")
            precondition(EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1, "EVP_DigestInit_ex(SHA-256) failed")
            return SHA256Digest(bytes: UnsafeRawBufferPointer(out))
        }
    }
}
