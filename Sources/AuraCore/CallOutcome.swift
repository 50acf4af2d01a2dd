/// How a call ended, as interceptors observe it on either side: its status, how long it took,
/// and how many message bytes went each way.
public struct CallOutcome: Sendable {
    /// The status code (OK or not).
    public var code: StatusCode
    /// The status message.
    public var message: String
    /// The trailing metadata that went with the status.
    public var trailingMetadata: Metadata
    /// From the call's start (its stream opening) to its status.
    public var duration: Duration
    /// Bytes of request messages received (server) or response messages received (client),
    /// uncompressed, without framing.
    public var bytesIn: Int
    /// Bytes of messages sent, counted the same way.
    public var bytesOut: Int

    /// Creates an outcome.
    public init(code: StatusCode, message: String, trailingMetadata: Metadata, duration: Duration, bytesIn: Int, bytesOut: Int) {
        self.code = code
        self.message = message
        self.trailingMetadata = trailingMetadata
        self.duration = duration
        self.bytesIn = bytesIn
        self.bytesOut = bytesOut
    }
}
