import AuraCrypto
import CAuraSHA256
import Testing

/// Incremental SHA-256 gives the one-shot digest however the data is cut.
@Suite struct SHA256HasherTests {
    @Test(arguments: [1, 3, 64, 1000, 7919])
    func oneMillionAsInPiecesIsTheFIPSVector(_ piece: Int) {
        var hasher = SHA256Hasher()
        let data = [UInt8](repeating: 0x61, count: 1_000_000)
        data.withUnsafeBytes { bytes in
            var start = 0
            while start < bytes.count {
                let end = min(start + piece, bytes.count)
                hasher.update(UnsafeRawBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
        #expect(hasher.finalize().description == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func finalizeStartsOver() {
        var hasher = SHA256Hasher()
        Array("abc".utf8).withUnsafeBytes { hasher.update($0) }
        _ = hasher.finalize()
        #expect(hasher.finalize() == Crypto.sha256([]))
        Array("abc".utf8).withUnsafeBytes { hasher.update($0) }
        #expect(hasher.finalize() == Crypto.sha256(Array("abc".utf8)))
    }
}

/// The x86 SHA extensions and the portable C code compress alike; on a machine without the
/// extensions both sides run the portable code, and the known-answer tests above still hold.
@Suite struct SHA256CompressionTests {
    @Test(arguments: [1, 2, 17])
    func hardwareAndPortableAgree(_ blocks: Int) {
        var generator = SystemRandomNumberGenerator()
        let data = (0..<64 * blocks).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var portable: [UInt32] = [1, 2, 3, 4, 5, 6, 7, 8]
        data.withUnsafeBytes { aura_sha256_blocks_portable(&portable, $0.baseAddress!.assumingMemoryBound(to: UInt8.self), blocks) }
        var context = aura_sha256_context()
        aura_sha256_init(&context)
        withUnsafeMutableBytes(of: &context.state) { state in
            [UInt32]([1, 2, 3, 4, 5, 6, 7, 8]).withUnsafeBytes { state.copyMemory(from: $0) }
        }
        data.withUnsafeBytes { aura_sha256_update(&context, $0.baseAddress!, $0.count) }
        let chosen = withUnsafeBytes(of: context.state) { Array($0.bindMemory(to: UInt32.self)) }
        #expect(chosen == portable)
    }
}
