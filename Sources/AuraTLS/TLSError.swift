import CSSL

/// Why a TLS context could not be built or a TLS session failed, in OpenSSL's words
/// ("certificate verify failed (certificate has expired)", "wrong version number", ...).
public struct TLSError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What failed and why, for logs and for the `UNAVAILABLE` message a client sees.
    public let reason: String

    /// An error with `reason` as its text.
    public init(_ reason: String) { self.reason = reason }

    /// The reason.
    public var description: String { reason }

    /// `what`, followed by the reasons OpenSSL queued on this thread (the queue is emptied).
    static func drainingQueue(_ what: String) -> TLSError {
        let reasons = queuedReasons()
        return TLSError(reasons.isEmpty ? what : "\(what): \(reasons.joined(separator: "; "))")
    }

    /// The reasons OpenSSL queued on this thread, oldest first; empties the queue.
    static func queuedReasons() -> [String] {
        var reasons: [String] = []
        while case let code = ERR_get_error(), code != 0 {
            if let text = ERR_reason_error_string(code) {
                reasons.append(String(cString: text))
            } else {
                var buffer = [CChar](repeating: 0, count: 256)
                ERR_error_string_n(code, &buffer, buffer.count)
                let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
                reasons.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        return reasons
    }
}
