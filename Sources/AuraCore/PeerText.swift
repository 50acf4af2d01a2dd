/// Text a peer sent, quoted back in an error message or a log line.
///
/// A status message or GOAWAY reason that repeats the peer's input must stay small whatever the
/// peer sent (a 100 KB method name must not come back as a 100 KB status message), so every
/// quotation goes through `excerpt(_:)`.
public enum PeerText {
    /// The most UTF-8 bytes of peer input an excerpt keeps.
    public static let maxExcerptBytes = 128

    /// `text` as it is when it has at most `maxBytes` UTF-8 bytes; otherwise its longest prefix
    /// of whole scalars within that many bytes, followed by "…".
    public static func excerpt(_ text: some StringProtocol, maxBytes: Int = maxExcerptBytes) -> String {
        let utf8 = text.utf8
        guard utf8.count > maxBytes else { return String(text) }
        let head = Array(utf8.prefix(maxBytes + 1))
        var end = maxBytes
        // Back up to a scalar boundary: never split a UTF-8 sequence.
        while end > 0 && UTF8.isContinuation(head[end]) { end -= 1 }
        return String(decoding: head[..<end], as: UTF8.self) + "…"
    }
}
