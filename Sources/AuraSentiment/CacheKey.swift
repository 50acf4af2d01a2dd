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
///
/// Every text is hashed on the sync path, so this allocates nothing: the normalized runs go
/// straight into a hasher on the stack.
enum CacheKey {
    static func make(text: String, exact: Bool, analyzer: String, languageHint: String, redactor: String) -> SHA256Digest {
        var hasher = SHA256Hasher()
        var text = text
        text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            if exact { hasher.update(bytes) } else { hashNormalized(bytes, into: &hasher) }
        }
        hasher.update(separatedPart: analyzer)
        hasher.update(separatedPart: languageHint)
        hasher.update(separatedPart: redactor)
        return hasher.finalize()
    }

    /// Hashes `utf8` with runs of ASCII whitespace collapsed to one space and the ends trimmed.
    static func hashNormalized(_ utf8: UnsafeRawBufferPointer, into hasher: inout SHA256Hasher) {
        var runStart: Int?
        var wroteAny = false
        for index in 0..<utf8.count {
            let byte = utf8[index]
            let isSpace = byte == 0x20 || (byte >= 0x09 && byte <= 0x0d)
            if isSpace, let start = runStart {
                if wroteAny { withUnsafeBytes(of: UInt8(0x20)) { hasher.update($0) } }
                hasher.update(UnsafeRawBufferPointer(rebasing: utf8[start..<index]))
                wroteAny = true
                runStart = nil
            } else if !isSpace, runStart == nil {
                runStart = index
            }
        }
        if let start = runStart {
            if wroteAny { withUnsafeBytes(of: UInt8(0x20)) { hasher.update($0) } }
            hasher.update(UnsafeRawBufferPointer(rebasing: utf8[start...]))
        }
    }
}

extension SHA256Hasher {
    /// Hashes a zero byte, then the UTF-8 bytes of `part`.
    mutating func update(separatedPart part: String) {
        withUnsafeBytes(of: UInt8(0)) { update($0) }
        var part = part
        part.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }
}
