import AuraBytes

/// What a `ConnectionCore` reports as it reads frames: the events its owner acts on.
///
/// Called synchronously from `ConnectionCore.receive(_:)`; the delegate may call back into the
/// core (to answer a call at once, for example).
public protocol ConnectionDelegate: AnyObject {
    /// Server: a client opened stream `id` with `headers`; `endStream` means no message follows.
    func streamOpened(_ id: UInt32, headers: CallHeaders, endStream: Bool)
    /// Client: the server sent its initial metadata on stream `id`.
    func headersReceived(_ id: UInt32, headers: CallHeaders)
    /// A whole message arrived on stream `id`. Return `wireSize` to the core with
    /// `messageConsumed(_:wireSize:)` once the application has taken the message; that is what
    /// grants the peer more flow-control credit.
    func messageReceived(_ id: UInt32, _ message: ByteBuffer, wireSize: Int)
    /// The peer ended its half of stream `id`: no more messages will come.
    func inboundClosed(_ id: UInt32)
    /// Client: the server ended stream `id` with `trailers`.
    func trailersReceived(_ id: UInt32, _ trailers: CallTrailers)
    /// Stream `id` ended abnormally: the peer cancelled it, or it broke a rule (the core has
    /// already told the peer). The stream is gone from the core.
    func streamReset(_ id: UInt32, _ error: RPCError)
    /// Messages queued on stream `id` have all gone out: the sender may produce more.
    func streamWritable(_ id: UInt32)
    /// The peer sent GOAWAY: streams above `lastStreamID` were not processed (and have been
    /// reset with UNAVAILABLE); no new stream may be opened.
    func goAwayReceived(lastStreamID: UInt32, code: StatusCode, reason: String)
    /// The peer answered our PING.
    func pingAcknowledged(_ data: UInt64)
    /// The connection broke the protocol: GOAWAY with `error` is queued; close after flushing.
    func connectionFailed(_ error: WireError)
    /// The peer's SETTINGS arrived (its limits now apply).
    func peerSettingsReceived()
}

extension ConnectionDelegate {
    /// Most delegates need not know when the peer's settings arrive.
    public func peerSettingsReceived() {}
}
