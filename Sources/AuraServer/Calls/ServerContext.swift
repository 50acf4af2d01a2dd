import AuraEventLoop
import AuraWire

/// What a handler knows about its call, and the metadata it sends back.
///
/// Owned by the call's event loop; a handler runs on that loop, so it reads and writes these
/// properties freely.
public final class ServerContext: @unchecked Sendable {
    /// The full method name, e.g. "aura.Health/Check".
    public let method: String
    /// The metadata the client sent.
    public let requestMetadata: Metadata
    /// When the call's deadline passes, if the client set one.
    public let deadline: ContinuousClock.Instant?
    /// The client's address.
    public let peer: String
    /// The event loop the call runs on.
    let loop: EventLoop
    /// Metadata sent before the first response message; set it before writing.
    public var initialMetadata = Metadata()
    /// Metadata sent with the status when the call ends.
    public var trailingMetadata = Metadata()
    /// Whether responses are compressed (when the client accepts deflate).
    public var compressResponses = false
    /// Whether the client accepts deflate-compressed responses.
    public let clientAcceptsCompression: Bool

    /// Whether the client connected from this machine (127.0.0.0/8, ::1, ::ffff:127.0.0.0/104).
    public var peerIsLoopback: Bool { SocketAddress.isLoopback(peer: peer) }

    init(headers: CallHeaders, deadline: ContinuousClock.Instant?, peer: String, loop: EventLoop) {
        self.loop = loop
        method = String(headers.normalizedMethod)
        requestMetadata = headers.metadata
        self.deadline = deadline
        self.peer = peer
        clientAcceptsCompression = headers.acceptEncoding.contains(MessageEncoding.deflate.rawValue)
    }
}
