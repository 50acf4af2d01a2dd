/// Byte-class tests on 8 ASCII bytes at a time (SWAR), for the checks that run on every call:
/// metadata keys and values, API key tokens.
public enum ASCIIWord {
    /// 0x01 in every byte.
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    /// 0x80 in every byte: the high bits.
    public static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each byte of `word` that lies in `first...last`. Exact only when no byte
    /// of `word` has its high bit set (so that no byte carries into the next): test that first.
    @inlinable @inline(__always)
    public static func within(_ word: UInt64, _ first: UInt64, _ last: UInt64) -> UInt64 {
        (word &+ (0x80 - first) &* ones) & ~(word &+ (0x7f - last) &* ones) & highs
    }

    /// Whether `test` accepts every 8-byte word of `bytes`, read unaligned; the last, short
    /// word is padded with `padding`, a byte `test` accepts. False for no bytes.
    @inlinable @inline(__always)
    public static func all(_ bytes: UnsafeRawBufferPointer, padding: UInt8, _ test: (UInt64) -> Bool) -> Bool {
        guard !bytes.isEmpty else { return false }
        var offset = 0
        while offset + 8 <= bytes.count {
            guard test(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) else { return false }
            offset += 8
        }
        guard offset < bytes.count else { return true }
        var tail = UInt64(padding) &* ones
        withUnsafeMutableBytes(of: &tail) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset...])) }
        return test(tail)
    }
}
