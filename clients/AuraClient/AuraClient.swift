import AuraBytes
import AuraEventLoop
import AuraTLS
import AuraWire

/// A client for an AuraRPC server: one connection (opened on first use, reopened when it
/// closes or the server goes away) carrying many calls at once; or, given several addresses,
/// a name with several A records, or `connectionsPerAddress` above 1, several connections
/// with the calls spread over them in turn (docs/SCALING.md).
///
/// ```
/// let client = AuraClient(address: "127.0.0.1:7443")
/// let reply: HealthCheckResponse = try await client.unary("aura.Health/Check", HealthCheckRequest())
/// ```
/// Calls of every shape take `CallOptions` for a timeout and metadata. Cancelling the calling
/// task cancels the call on the server too.
public final class AuraClient: Sendable {
    /// The server's address, "host:port" (the first, when there are several).
    public var address: String { addresses[0] }
    /// The servers' addresses, "host:port" each; a name stands for every address it resolves to.
    public let addresses: [String]
    /// The connection settings.
    public let configuration: ClientConfiguration
    /// The event loop that runs this client's connection.
    public var loop: EventLoop { clientLoop.loop }
    private let clientLoop: ClientLoop
    private let group: EventLoopGroup?
    private let connector: Balancer

    /// Creates a client for `address`. It runs its own event loop thread unless given `loop`.
    public convenience init(address: String, configuration: ClientConfiguration = ClientConfiguration(), loop: EventLoop? = nil) {
        self.init(addresses: [address], configuration: configuration, loop: loop)
    }

    /// Creates a client that spreads its calls over `addresses` (at least one), round robin,
    /// an address that fails taken out for a doubling backoff. It runs its own event loop
    /// thread unless given `loop`.
    public init(addresses: [String], configuration: ClientConfiguration = ClientConfiguration(), loop: EventLoop? = nil) {
        precondition(!addresses.isEmpty, "AuraClient needs at least one address")
        self.addresses = addresses
        self.configuration = configuration
        let chosen: EventLoop
        if let loop {
            chosen = loop
            group = nil
        } else {
            let group = EventLoopGroup(loopCount: 1)
            self.group = group
            chosen = group.loops[0]
        }
        clientLoop = ClientLoop(loop: chosen)
        connector = Balancer(addresses: addresses, configuration: configuration, loop: chosen)
    }

    /// Closes the connection; calls still open end with UNAVAILABLE. The client stays usable
    /// (the next call reconnects) until `shutdown()`.
    public func close() async {
        _ = try? await clientLoop.run { connector.close() }
    }

    /// Whether a connection is open and takes new calls (for tests waiting for a reconnect).
    var hasUsableConnection: Bool {
        get async { (try? await clientLoop.run { connector.hasUsableConnection }) ?? false }
    }

    /// Each connection's standing in the round robin (for tests).
    var endpoints: [BalancerState.Endpoint] {
        get async { (try? await clientLoop.run { connector.endpoints }) ?? [] }
    }

    /// How many calls wait for a free stream (for tests of the server's stream limit).
    var slotWaiterCount: Int {
        get async { (try? await clientLoop.run { connector.slotWaiterCount }) ?? 0 }
    }

    /// Closes the connection and stops the client's own event loop; later calls fail with
    /// UNAVAILABLE.
    public func shutdown() async {
        await close()
        clientLoop.markShutDown()
        await group?.shutdownGracefully()
    }

    /// Starts a call of any shape; the low-level building block of the other methods.
    public func makeCall<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, options: CallOptions = CallOptions(),
        request: Request.Type = Request.self, response: Response.Type = Response.self
    ) async throws -> RPCCall<Request, Response> {
        try await clientLoop.run {
            let call = try await connector.openCall(method: method, options: options)
            call.connection.flush()  // the server sees the call start before its first request
            return RPCCall(call, loop: clientLoop)
        }
    }

    /// A unary call: one request, one response. The request is encoded and the response
    /// decoded where the caller runs (`nonisolated(nonsending)`: no executor switch for that);
    /// the call itself runs on the client's loop.
    @inlinable
    public nonisolated(nonsending) func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, options: CallOptions = CallOptions()
    ) async throws -> Response {
        try await unaryWithMetadata(method, request, as: Response.self, options: options).message
    }

    /// A unary call that also returns the server's metadata.
    ///
    /// `@inlinable`, so the caller's module specializes the message types: only the encoding
    /// and the decoding are generic, and the call itself (`unaryCall`) is not.
    @inlinable
    public nonisolated(nonsending) func unaryWithMetadata<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, options: CallOptions = CallOptions()
    ) async throws -> UnaryResponse<Response> {
        let reply = try await unaryCall(method, request.encoded(), options: options)
        return UnaryResponse(message: try decodeResponse(reply.message), metadata: reply.metadata)
    }

    /// A unary call on an encoded request: the response's bytes and the server's metadata.
    @usableFromInline
    nonisolated(nonsending) func unaryCall(_ method: String, _ request: ByteBuffer, options: CallOptions) async throws -> UnaryResponse<ByteBuffer> {
        if clientLoop.loop.inEventLoop && !clientLoop.isShutDown { return try await unaryCallOnLoop(method, request, options: options) }
        return try await clientLoop.run { try await unaryCallOnLoop(method, request, options: options) }
    }

    /// `unaryCall` on the client's loop. Opening the call and sending the request take the
    /// synchronous paths when nothing must wait (no connection or slot to wait for, credit
    /// for the request): the one wait of most calls is for the status.
    private nonisolated(nonsending) func unaryCallOnLoop(_ method: String, _ request: ByteBuffer, options: CallOptions) async throws -> UnaryResponse<ByteBuffer> {
        let call: ClientCall
        if let opened = try connector.openCallNow(method: method, options: options) {
            call = opened
        } else {
            call = try await connector.openCall(method: method, options: options)
        }
        if try !call.sendNow(request, endStream: true) { try await call.waitUntilWritable() }
        return try await call.singleResponse()
    }

    /// A client-streaming call: every element of `requests`, then one response.
    public func clientStreaming<Request: ProtoMessage, Response: ProtoMessage, Requests: AsyncSequence & Sendable>(
        _ method: String, requests: Requests, as: Response.Type = Response.self, options: CallOptions = CallOptions()
    ) async throws -> UnaryResponse<Response> where Requests.Element == Request {
        let call: RPCCall<Request, Response> = try await makeCall(method, options: options)
        do {
            for try await request in requests { try await call.send(request) }
        } catch let error as RPCError where error.code != .cancelled {
            // The server ended the call early; its status is the answer.
        }
        await call.closeSend()
        return try await call.response()
    }

    /// A server-streaming call: one request, then the responses as they come.
    public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ method: String, _ request: Request, as: Response.Type = Response.self, options: CallOptions = CallOptions()
    ) async throws -> RPCCall<Request, Response> {
        let call: RPCCall<Request, Response> = try await makeCall(method, options: options)
        try await call.send(request, endStream: true)
        return call
    }
}

/// Opens connections and calls on them, reconnecting when needed. Its state is bound to the
/// loop (`LoopBound` checks every access), so it is `Sendable` without a promise.
final class Connector: Sendable {
    private struct State {
        var connection: ClientConnection?
        var connecting: Task<ClientConnection, any Error>?
    }

    private let address: String
    /// The name the server's certificate must carry, when `address` was resolved from it.
    private let peerName: String?
    private let configuration: ClientConfiguration
    private let loop: EventLoop
    private let state: LoopBound<State>
    /// The TLS context, built once from `configuration.tls` (or why it could not be).
    private let tls: Result<TLSContext, TLSError>?

    init(address: String, peerName: String? = nil, configuration: ClientConfiguration, loop: EventLoop) {
        self.address = address
        self.peerName = peerName
        self.configuration = configuration
        self.loop = loop
        state = LoopBound(State(), eventLoop: loop)
        tls = configuration.tls.map { tls in Result { () throws(TLSError) in try TLSContext(client: tls) } }
    }

    /// Opens a call on a usable connection; a connection that turns out to be going away is
    /// replaced once. The interceptors run first; a call that cannot open ends for them with
    /// its error. Runs on the loop, as its caller (`nonisolated(nonsending)`: no executor
    /// switch per call), as the other async steps of opening a call.
    nonisolated(nonsending) func openCall(method: String, options: CallOptions) async throws -> ClientCall {
        var observers = ClientCallObservers(interceptors: configuration.interceptors)
        let options = try observers.start(method: method, peer: address, options: configuration.authorized(options))
        do {
            return try await openStream(method: method, options: options, observers: observers)
        } catch {
            observers.end(CallTrailers(error: RPCError(wrapping: error)))
            throw error
        }
    }

    /// `openCall` without waiting, when the connection is up and has a free slot (nearly every
    /// call); nil, having done nothing, when the call must wait (`openCall`). No task frame or
    /// executor check per step, as the awaited path takes.
    func openCallNow(method: String, options: CallOptions) throws -> ClientCall? {
        guard let connection = state.value.connection, connection.admitsCallNow else { return nil }
        var observers = ClientCallObservers(interceptors: configuration.interceptors)
        let options = try observers.start(method: method, peer: address, options: configuration.authorized(options))
        do {
            return try connection.makeCall(method: method, options: options, observers: observers)
        } catch {
            observers.end(CallTrailers(error: error))
            throw error
        }
    }

    private nonisolated(nonsending) func openStream(method: String, options: CallOptions, observers: ClientCallObservers) async throws -> ClientCall {
        var lastError: RPCError?
        for _ in 0..<2 {
            let connection = try await usableConnection()
            do {
                return try await connection.openCall(method: method, options: options, observers: observers)
            } catch let error as RPCError where error.code == .unavailable {
                lastError = error
                if state.value.connection === connection { state.value.connection = nil }
            }
        }
        throw lastError!
    }

    /// Whether a connection is open and takes new calls.
    var hasUsableConnection: Bool { state.value.connection?.isUsable ?? false }

    /// How many calls wait for a free stream on the current connection.
    var slotWaiterCount: Int { state.value.connection?.slotWaiterCount ?? 0 }

    func close() {
        state.value.connection?.close()
        state.value.connection = nil
    }

    private nonisolated(nonsending) func usableConnection() async throws -> ClientConnection {
        if let connection = state.value.connection, connection.isUsable { return connection }
        if let connecting = state.value.connecting { return try await connecting.value }
        let task = Task(executorPreference: loop) { try await self.connect() }
        state.value.connecting = task
        defer { state.value.connecting = nil }
        let connection = try await task.value
        state.value.connection = connection
        return connection
    }

    private func connect() async throws -> ClientConnection {
        let tlsContext: TLSContext?
        do {
            tlsContext = try tls?.get()
        } catch {
            throw RPCError(.invalidArgument, "the TLS configuration does not load: \(error)")
        }
        let peerName = configuration.tls?.serverName ?? self.peerName ?? Self.host(of: address)
        var backoff = configuration.reconnectBackoff
        var lastError: any Error = RPCError(.unavailable, "no connection attempt made")
        for attempt in 0..<max(1, configuration.connectAttempts) {
            if attempt > 0 {
                try await Task.sleep(for: backoff)
                backoff *= 2
            }
            let connection = ClientConnection(loop: loop, settings: configuration.settings, isSecure: tlsContext != nil)
            do {
                _ = try await AuraEventLoop.connect(to: address, on: loop, timeout: configuration.connectTimeout) { channel in
                    if let tlsContext { channel.secure(with: tlsContext.makeSession(peerName: peerName)) }
                    return connection
                }
                return connection
            } catch {
                lastError = error
            }
        }
        throw RPCError(.unavailable, "cannot connect to \(address): \(lastError)")
    }

    /// The host part of "host:port" ("[::1]:7443" gives "::1").
    static func host(of address: String) -> String {
        let host = address.lastIndex(of: ":").map { String(address[..<$0]) } ?? address
        return host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }
}
