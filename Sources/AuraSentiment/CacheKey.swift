import AuraBytes
import AuraCrypto
import AuraMessages

/// The result cache's key: SHA-256 of the normalized text with the analyzer's identity and every
/// option that changes the result, so a swap of plugins never serves a stale result.
///
/// Normalizing collapses runs of whitespace to one space and trims the ends. It does not
/// lowercase, although the issue suggested it: the analyzer weighs capitals ("GREAT!!!" is more
/// positive than "great!!!"), so a lowercased key would serve one's result for the other. When
/// the text is redacted first the exact text is hashed, since entity offsets depend on it.
enum CacheKey {
    static func make(text: String, exact: Bool, analyzer: String, languageHint: String, redactor: String) -> SHA256Digest {
        var material = [UInt8]()
        material.reserveCapacity(text.utf8.count + analyzer.utf8.count + languageHint.utf8.count + redactor.utf8.count + 3)
        var text = text
        text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            if exact { material.append(contentsOf: bytes) } else { appendNormalized(bytes, to: &material) }
        }
        for part in [analyzer, languageHint, redactor] {
            material.append(0)
            material.append(contentsOf: part.utf8)
        }
        return Crypto.sha256(material)
    }

    /// Appends `utf8` with runs of ASCII whitespace collapsed to one space and the ends trimmed.
    static func appendNormalized(_ utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let start = out.count
        var pendingSpace = false
        for byte in utf8 {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0d) {
                pendingSpace = out.count > start
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(byte)
        }
    }
}
