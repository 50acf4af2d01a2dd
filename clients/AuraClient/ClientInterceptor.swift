import AuraWire

/// Code that runs around every call a client makes: adding metadata (a request id, later
/// credentials), refusing calls locally, observing outcomes (metrics, logs).
///
/// A client runs its interceptors (`ClientConfiguration.interceptors`) in order before a call's
/// stream opens. Each may read the call and change its metadata, or reject it by throwing an
/// `RPCError`, which the caller gets (nothing is sent and later interceptors are skipped). When
/// the call ends, however it ends, `callEnded` runs once for each interceptor whose
/// `callStarting` returned, in reverse order, with the outcome and the server's trailing
/// metadata.
///
/// Both methods run on the client's event loop: they must be quick and never block.
public protocol ClientInterceptor: Sendable {
    /// A call is about to start. Throw to reject it.
    func callStarting(_ call: inout ClientCallContext) throws(RPCError)

    /// The call ended with `outcome`.
    func callEnded(_ call: ClientCallContext, outcome: CallOutcome)
}

extension ClientInterceptor {
    /// Does nothing: an interceptor that only observes outcomes.
    public func callStarting(_ call: inout ClientCallContext) throws(RPCError) {}

    /// Does nothing: an interceptor that only acts when calls start.
    public func callEnded(_ call: ClientCallContext, outcome: CallOutcome) {}
}

/// A client call as interceptors see it.
public struct ClientCallContext: Sendable {
    /// The full method name, e.g. "aura.Health/Check".
    public let method: String
    /// The server's address, "host:port".
    public let peer: String
    /// When the call's deadline passes, if it has a timeout.
    public let deadline: ContinuousClock.Instant?
    /// The metadata sent with the call; interceptors may add to it.
    public var metadata: Metadata
}

/// One call's run through the client's interceptors: which started, when, and the bytes
/// counted for the outcome. With no interceptors nothing is allocated or timed.
struct ClientCallObservers {
    private let interceptors: [any ClientInterceptor]
    private var context: ClientCallContext?
    private var started = 0
    private var startTime: ContinuousClock.Instant?
    var bytesIn = 0
    var bytesOut = 0

    init(interceptors: [any ClientInterceptor]) { self.interceptors = interceptors }

    /// Runs each interceptor's `callStarting` on a call to `method` with `options`, returning
    /// the options with the metadata they set. Stops at the first that rejects, ending the
    /// call for those that started.
    mutating func start(method: String, peer: String, options: CallOptions) throws(RPCError) -> CallOptions {
        guard !interceptors.isEmpty else { return options }
        let now = ContinuousClock.now
        startTime = now
        var context = ClientCallContext(
            method: method, peer: peer, deadline: options.timeout.map { now + $0 }, metadata: options.metadata)
        for interceptor in interceptors {
            do {
                try interceptor.callStarting(&context)
            } catch {
                self.context = context
                end(CallTrailers(error: error))
                throw error
            }
            started += 1
        }
        self.context = context
        var options = options
        options.metadata = context.metadata
        return options
    }

    /// Tells the interceptors that started, last first, how the call ended.
    func end(_ trailers: CallTrailers) {
        guard started > 0, let context, let startTime else { return }
        let outcome = CallOutcome(
            code: trailers.code, message: trailers.message, trailingMetadata: trailers.metadata,
            duration: startTime.duration(to: .now), bytesIn: bytesIn, bytesOut: bytesOut)
        for interceptor in interceptors[..<started].reversed() { interceptor.callEnded(context, outcome: outcome) }
    }
}
