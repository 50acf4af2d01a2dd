import AuraBytes

/// One decoded frame (SPEC.md section 2 and 4).
public enum Frame: Equatable, Sendable {
    /// The sender's settings, or (`ack`) an acknowledgement of the peer's.
    case settings(Settings?, ack: Bool)
    /// Opens a call or carries the server's initial metadata.
    case headers(streamID: UInt32, CallHeaders, endStream: Bool)
    /// A message or a fragment of one; `flags` holds END_STREAM, COMPRESSED and MORE.
    case message(streamID: UInt32, payload: ByteBuffer, flags: FrameFlags)
    /// The end of the sender's half; a server's carry the status, a client's are nil.
    case trailers(streamID: UInt32, CallTrailers?)
    /// Resets a stream.
    case cancel(streamID: UInt32, code: StatusCode)
    /// Grants `increment` bytes of credit to a stream, or the connection when the id is 0.
    case windowUpdate(streamID: UInt32, increment: UInt32)
    /// Eight opaque bytes to echo, or the echo itself (`ack`).
    case ping(UInt64, ack: Bool)
    /// The sender accepts no stream after `lastStreamID`.
    case goAway(lastStreamID: UInt32, code: StatusCode, reason: String)
    /// A frame type this version does not know; its payload was skipped.
    case unknown(type: UInt8, streamID: UInt32, flags: FrameFlags, length: UInt32)

    /// The stream the frame belongs to (0 for the connection).
    public var streamID: UInt32 {
        switch self {
        case .settings, .ping, .goAway: 0
        case .headers(let id, _, _), .message(let id, _, _), .trailers(let id, _), .cancel(let id, _),
             .windowUpdate(let id, _), .unknown(_, let id, _, _):
            id
        }
    }
}
