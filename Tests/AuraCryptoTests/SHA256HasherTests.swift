import AuraCrypto
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
