import AuraEventLoop
import AuraTracing
import AuraWire

/// What a handler knows about its call, and the metadata it sends back.
///
/// A value: interceptors receive it `inout` before the handler runs (to set `requestID`, say)
/// and the handler gets the result. The response's metadata and compression are shared by every
/// copy and bound to the call's event loop, so a handler running on that loop sets them through
/// any copy of the context; touching them from another thread traps.
public struct ServerContext: Sendable {
    /// The fixed facts and the response, shared by every copy. The server reads them here
    /// rather than through the computed properties: a computed property of a context held in a
    /// class's stored property copies the whole context first.
    let facts: CallFacts
    /// The call's request id, set by `RequestIDInterceptor`; nil when no interceptor set one.
    public var requestID: String?
    /// The call's span, set by `TracingInterceptor`; nil without one. While the handler runs it
    /// is also `TraceContext.current`.
    public var trace: TraceContext?

    /// The full method name, e.g. "aura.Health/Check".
    public var method: String { facts.method }
    /// The metadata the client sent.
    public var requestMetadata: Metadata { facts.requestMetadata }
    /// When the call's deadline passes, if the client set one.
    public var deadline: ContinuousClock.Instant? { facts.deadline }
    /// The client's address.
    public var peer: String { facts.peer }
    /// Whether the client accepts deflate-compressed responses.
    public var clientAcceptsCompression: Bool { facts.clientAcceptsCompression }
    /// The event loop the call runs on.
    var loop: EventLoop { facts.loop }

    /// Metadata sent before the first response message; set it before writing.
    public var initialMetadata: Metadata {
        get { facts.initialMetadata }
        nonmutating _modify { yield &facts.initialMetadata }
    }

    /// Metadata sent with the status when the call ends (whatever its status).
    public var trailingMetadata: Metadata {
        get { facts.trailingMetadata }
        nonmutating _modify { yield &facts.trailingMetadata }
    }

    /// Whether responses are compressed (when the client accepts deflate).
    public var compressResponses: Bool {
        get { facts.compressResponses }
        nonmutating set { facts.compressResponses = newValue }
    }

    /// Whether the client connected from this machine (127.0.0.0/8, ::1, ::ffff:127.0.0.0/104).
    public var peerIsLoopback: Bool { SocketAddress.isLoopback(peer: peer) }

    init(method: String, headers: CallHeaders, deadline: ContinuousClock.Instant?, peer: String, loop: EventLoop) {
        facts = CallFacts(method: method, headers: headers, deadline: deadline, peer: peer, loop: loop)
    }
}
