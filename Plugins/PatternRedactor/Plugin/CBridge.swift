import CAuraPlugin
import Glibc
import PatternRedactorCore

/// C strings that must outlive every call: the descriptor's texts and the entity type names.
/// Copied once, when first used, and never freed (the ABI says they live as long as the
/// library is loaded; a Swift plugin is never unmapped). `nonisolated(unsafe)`: each is
/// written once by Swift's thread-safe lazy initialization and only read after.
enum CStrings {
    nonisolated(unsafe) static let name = copy("pattern-redactor")
    nonisolated(unsafe) static let version = copy("1.0.0")
    nonisolated(unsafe) static let languages = copy("en")

    /// The wire name of every type, in `PIIType.allCases` order.
    nonisolated(unsafe) private static let typeNames: [(PIIType, UnsafePointer<CChar>)] = PIIType.allCases.map { ($0, copy($0.rawValue)) }

    static func typeName(_ type: PIIType) -> UnsafePointer<CChar> {
        for (candidate, name) in typeNames where candidate == type { return name }
        return unknown
    }

    nonisolated(unsafe) private static let unknown = copy("UNKNOWN")

    private static func copy(_ text: String) -> UnsafePointer<CChar> {
        UnsafePointer(strdup(text)!)
    }
}

/// Writes `message` into a host-owned error buffer of `capacity` bytes, NUL-terminated,
/// truncated on a UTF-8 character boundary. Does nothing without a buffer.
func writeError(_ message: String, to buffer: UnsafeMutablePointer<CChar>?, capacity: Int) {
    guard let buffer, capacity > 0 else { return }
    var utf8 = Array(message.utf8)
    if utf8.count > capacity - 1 {
        var cut = capacity - 1
        while cut > 0, utf8[cut] & 0xC0 == 0x80 { cut -= 1 }
        utf8.removeSubrange(cut...)
    }
    utf8.withUnsafeBytes { raw in
        if let base = raw.baseAddress { memcpy(buffer, base, raw.count) }
    }
    buffer[utf8.count] = 0
}
