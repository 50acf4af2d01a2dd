import CAuraSHA256

/// SHA-256 over data that arrives in pieces (a document streamed in chunks, a text normalized
/// run by run): `update` as bytes come, `finalize` once. A value: the state lives inline, so a
/// hasher on the stack costs no allocation. Our own C code (Sources/CAuraSHA256, the x86 SHA
/// extensions where the CPU has them), so hashing never loads libcrypto.
public struct SHA256Hasher: Sendable {
    private var context = aura_sha256_context()

    /// A hasher with nothing hashed yet.
    public init() {
        aura_sha256_init(&context)
    }

    /// Hashes the next bytes.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        aura_sha256_update(&context, base, bytes.count)
    }

    /// The digest of everything hashed; the hasher starts over afterwards.
    public mutating func finalize() -> SHA256Digest {
        withUnsafeTemporaryAllocation(byteCount: 32, alignment: 8) { out in
            aura_sha256_final(&context, out.baseAddress!.assumingMemoryBound(to: UInt8.self))
            aura_sha256_init(&context)
            return SHA256Digest(bytes: UnsafeRawBufferPointer(out))
        }
    }
}
