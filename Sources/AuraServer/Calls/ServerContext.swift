import AuraEventLoop
import AuraTracing
import AuraWire

/// What a handler knows about its call, and the metadata it sends back.
///
/// A value: interceptors receive it `inout` before the handler runs (to set `requestID`, say)
/// and the handler gets the result. The response's metadata and compression live in a holder
/// bound to the call's event loop, so a handler running on that loop sets them through any copy
/// of the context; touching them from another thread traps.
public struct ServerContext: Sendable {
    /// The full method name, e.g. "aura.Health/Check".
    public let method: String
    /// The metadata the client sent.
    public let requestMetadata: Metadata
    /// When the call's deadline passes, if the client set one.
    public let deadline: ContinuousClock.Instant?
    /// The client's address.
    public let peer: String
    /// Whether the client accepts deflate-compressed responses.
    public let clientAcceptsCompression: Bool
    /// The call's request id, set by `RequestIDInterceptor`; nil when no interceptor set one.
    public var requestID: String?
    /// The call's span, set by `TracingInterceptor`; nil without one. While the handler runs it
    /// is also `TraceContext.current`.
    public var trace: TraceContext?
    /// The event loop the call runs on.
    let loop: EventLoop
    /// The response's metadata and compression, confined to `loop`.
    let response: ResponseHead

    /// Metadata sent before the first response message; set it before writing.
    public var initialMetadata: Metadata {
        get { response.initialMetadata }
        nonmutating _modify { yield &response.initialMetadata }
    }

    /// Metadata sent with the status when the call ends (whatever its status).
    public var trailingMetadata: Metadata {
        get { response.trailingMetadata }
        nonmutating _modify { yield &response.trailingMetadata }
    }

    /// Whether responses are compressed (when the client accepts deflate).
    public var compressResponses: Bool {
        get { response.compressResponses }
        nonmutating set { response.compressResponses = newValue }
    }

    /// Whether the client connected from this machine (127.0.0.0/8, ::1, ::ffff:127.0.0.0/104).
    public var peerIsLoopback: Bool { SocketAddress.isLoopback(peer: peer) }

    init(method: String, headers: CallHeaders, deadline: ContinuousClock.Instant?, peer: String, loop: EventLoop) {
        self.loop = loop
        self.method = method
        requestMetadata = headers.metadata
        self.deadline = deadline
        self.peer = peer
        clientAcceptsCompression = headers.acceptEncoding.contains(MessageEncoding.deflate.rawValue)
        response = ResponseHead(loop: loop)
    }
}
