import AuraBytes
import AuraWire

/// The handlers a server knows, by full method name ("aura.Health/Check").
///
/// The typed `register` methods wrap a handler of typed messages into a `MethodHandler`
/// that decodes requests and encodes responses.
public struct MethodRegistry: Sendable {
    /// By name; the method of a call's headers, a substring, finds its handler without a copy.
    private(set) var handlers = NameTable<MethodHandler>()
    /// The services registered, by name.
    public private(set) var serviceNames: [String] = []

    /// Creates an empty registry.
    public init() {}

    /// Registers every method of `service`.
    public mutating func add(_ service: some Service) {
        serviceNames.append(service.name)
        service.register(into: &self)
    }

    /// Every registered method's full name and call shape, sorted by name.
    public var methods: [(name: String, kind: MethodKind)] {
        handlers.values.map { ($0.name, $0.kind) }.sorted { $0.name < $1.name }
    }

    /// The handler for `method`, with or without a leading slash.
    func handler(for method: Substring) -> MethodHandler? { handlers[method] }

    /// Registers a unary method.
    public mutating func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ body: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        handlers.set(MethodHandler(name: method, kind: .unary, body: .single { request, responses, context in
            try responses.writeLast(await body(decode(request, as: Request.self), context), compress: nil)
        }), for: method)
    }

    /// Registers a client-streaming method.
    public mutating func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String,
        _ body: @escaping @Sendable (RequestStream<Request>, ServerContext) async throws -> Response
    ) {
        handlers.set(MethodHandler(name: method, kind: .clientStreaming, body: .streaming { requests, responses, context in
            try responses.writeLast(await body(RequestStream(requests, loop: context.loop), context), compress: nil)
        }), for: method)
    }

    /// Registers a server-streaming method.
    public mutating func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String,
        _ body: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) {
        handlers.set(MethodHandler(name: method, kind: .serverStreaming, body: .single { request, responses, context in
            try await body(decode(request, as: Request.self), ResponseWriter(responses), context)
        }), for: method)
    }

    /// Registers a bidirectional-streaming method.
    public mutating func bidirectional<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String,
        _ body: @escaping @Sendable (RequestStream<Request>, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) {
        handlers.set(MethodHandler(name: method, kind: .bidirectional, body: .streaming { requests, responses, context in
            try await body(RequestStream(requests, loop: context.loop), ResponseWriter(responses), context)
        }), for: method)
    }
}

/// A method's handler on raw messages, as the registry stores it.
struct MethodHandler: Sendable {
    /// The full method name, each call's `ServerContext.method`.
    let name: String
    let kind: MethodKind
    let body: Body

    /// What runs a call, by how many requests it takes.
    enum Body: Sendable {
        /// Unary and server-streaming: the one request message, still encoded.
        case single(@Sendable (ByteBuffer, CallOutbox, ServerContext) async throws -> Void)
        /// Client-streaming and bidirectional: the requests as they come.
        case streaming(@Sendable (CallInbox, CallOutbox, ServerContext) async throws -> Void)
    }

    /// The handler of a method the server does not know: UNIMPLEMENTED at once.
    static func unimplemented(_ headers: CallHeaders) -> MethodHandler {
        let method = headers.method
        return MethodHandler(name: String(headers.normalizedMethod), kind: .bidirectional, body: .streaming { _, _, _ in
            throw RPCError(.unimplemented, "unknown method \(PeerText.excerpt(method))")
        })
    }
}
