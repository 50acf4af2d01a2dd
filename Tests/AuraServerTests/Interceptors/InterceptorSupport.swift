import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import Synchronization

/// What a recording interceptor saw of one call.
struct ObservedCall: Sendable {
    let method: String
    let requestID: String?
    let outcome: CallOutcome
}

/// A server interceptor that reports every call's end on an async stream, so a test waits for
/// the event instead of polling.
struct RecordingInterceptor: ServerInterceptor {
    let calls: AsyncStream<ObservedCall>
    private let continuation: AsyncStream<ObservedCall>.Continuation

    init() { (calls, continuation) = AsyncStream.makeStream() }

    func callEnded(_ context: ServerContext, outcome: CallOutcome) {
        continuation.yield(ObservedCall(method: context.method, requestID: context.requestID, outcome: outcome))
    }

    /// The next call that ended.
    func next() async -> ObservedCall? {
        var iterator = calls.makeAsyncIterator()
        return await iterator.next()
    }
}

/// Rejects calls without `x-api-key: secret` with UNAUTHENTICATED, and calls to `limited`
/// with RESOURCE_EXHAUSTED and a retry-after: the shapes of the authentication and rate-limit
/// interceptors to come.
struct GateInterceptor: ServerInterceptor {
    static let limited = "aura.Probe/Limited"

    func callStarted(_ context: inout ServerContext) throws(RPCError) {
        guard context.requestMetadata["x-api-key"] == "secret" else {
            throw RPCError(.unauthenticated, "an API key is required")
        }
        if context.method == Self.limited {
            throw RPCError(.resourceExhausted, "too many calls", metadata: ["retry-after": "2"])
        }
    }
}

/// Adds `x-intercepted: yes` to every call's trailers.
struct TrailerInterceptor: ServerInterceptor {
    func callStarted(_ context: inout ServerContext) throws(RPCError) {
        context.trailingMetadata.add("x-intercepted", "yes")
    }
}

/// `aura.Probe`: methods that show what handlers see and do.
final class ProbeService: Service {
    let name = "aura.Probe"
    /// The detail of the error `Fail` throws, which must never reach the client.
    static let secret = "the database password is hunter2"
    private let handled = Atomic<Int>(0)

    /// How many calls reached a handler.
    var handledCount: Int { handled.load(ordering: .relaxed) }

    struct Unexpected: Error, CustomStringConvertible {
        var description: String { ProbeService.secret }
    }

    func register(into registry: inout MethodRegistry) {
        // Returns the request id the handler sees in the trailer `x-seen-request-id`.
        registry.unary("aura.Probe/RequestID") { [self] (_: Empty, context) in
            self.handled.add(1, ordering: .relaxed)
            context.trailingMetadata.add("x-seen-request-id", context.requestID ?? "none")
            return Empty()
        }
        registry.unary(GateInterceptor.limited) { [self] (_: Empty, _) in
            self.handled.add(1, ordering: .relaxed)
            return Empty()
        }
        registry.unary("aura.Probe/Fail") { [self] (_: Empty, _) -> Empty in
            self.handled.add(1, ordering: .relaxed)
            throw Unexpected()
        }
    }
}

/// A client interceptor that adds metadata and reports each call's end on an async stream.
struct RecordingClientInterceptor: ClientInterceptor {
    let calls: AsyncStream<(ClientCallContext, CallOutcome)>
    private let continuation: AsyncStream<(ClientCallContext, CallOutcome)>.Continuation
    let rejects: String?

    init(rejecting method: String? = nil) {
        (calls, continuation) = AsyncStream.makeStream()
        rejects = method
    }

    func callStarting(_ call: inout ClientCallContext) throws(RPCError) {
        if call.method == rejects { throw RPCError(.failedPrecondition, "refused by the client") }
        call.metadata.add(TestService.echoInitialKey, "from-the-interceptor")
    }

    func callEnded(_ call: ClientCallContext, outcome: CallOutcome) {
        continuation.yield((call, outcome))
    }

    func next() async -> (ClientCallContext, CallOutcome)? {
        var iterator = calls.makeAsyncIterator()
        return await iterator.next()
    }
}
