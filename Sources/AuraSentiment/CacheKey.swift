import AuraBytes
import AuraCrypto

/// The result cache's key: SHA-256 of the normalized text (lowercased, whitespace runs
/// collapsed to one space, trimmed) with the analyzer's name@version and every option that
/// changes the result, so a swap of plugins never serves a stale result.
enum CacheKey {
    static func make(text: ByteBuffer, analyzer: String, languageHint: String, redactor: String) -> SHA256Digest {
        var material = [UInt8]()
        material.reserveCapacity(text.readableBytes + analyzer.utf8.count + languageHint.utf8.count + redactor.utf8.count + 3)
        text.withUnsafeReadableBytes { appendNormalized($0, to: &material) }
        for part in [analyzer, languageHint, redactor] {
            material.append(0)
            material.append(contentsOf: part.utf8)
        }
        return Crypto.sha256(material)
    }

    /// Appends `utf8` lowercased with whitespace collapsed; ASCII is handled byte by byte, other
    /// text through the standard library's Unicode lowercasing.
    static func appendNormalized(_ utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var pendingSpace = false
            for byte in utf8 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) {
                    pendingSpace = !out.isEmpty
                    continue
                }
                if pendingSpace { out.append(0x20); pendingSpace = false }
                out.append(byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte)
            }
            return
        }
        let words = String(decoding: utf8, as: UTF8.self).lowercased().split(whereSeparator: { $0.isWhitespace })
        out.append(contentsOf: words.joined(separator: " ").utf8)
    }
}
