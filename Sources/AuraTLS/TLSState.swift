/// Where a TLS session is in its life. Events (bytes in, bytes out, close) move it forward:
///
///     handshaking ──> open ──> closing ──> closed
///          │            │          │
///          └────────────┴──────────┴────> failed
public enum TLSState: Equatable, Sendable {
    /// Handshake messages are being exchanged; plaintext to send waits.
    case handshaking
    /// The handshake is done: plaintext flows both ways.
    case open(TLSParameters)
    /// This side sent its close_notify and waits for the peer's; nothing more is sent.
    case closing
    /// Both sides are done (a close_notify each way, or the peer's first); no bytes flow.
    case closed
    /// The handshake or a record failed; the alert for the peer, if any, waits as ciphertext.
    case failed(TLSError)
}

/// What a finished handshake agreed on.
public struct TLSParameters: Equatable, Sendable {
    /// The protocol version, as OpenSSL names it ("TLSv1.2", "TLSv1.3").
    public var version: String
    /// The cipher suite ("TLS_AES_256_GCM_SHA384", ...).
    public var cipher: String
    /// The subject of the peer's certificate, when it sent one (always, for a server).
    public var peerSubject: String?
}
