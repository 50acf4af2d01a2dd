import AuraWire

/// One call's run through the server's interceptors: which of them started (and so see the
/// end), when the call started, and the bytes counted for the outcome. With no interceptors it
/// only adds two integers per message: nothing is allocated or timed.
struct CallObservers {
    private let interceptors: [any ServerInterceptor]
    private var started = 0
    private var startTime: ContinuousClock.Instant?
    var bytesIn = 0
    var bytesOut = 0

    init(interceptors: [any ServerInterceptor]) {
        self.interceptors = interceptors
    }

    /// Runs each interceptor's `callStarted` in order; stops at the first that rejects.
    mutating func start(_ context: inout ServerContext) throws(RPCError) {
        guard !interceptors.isEmpty else { return }
        startTime = .now
        // By index: iterating an array of existentials looks up generic metadata at run time.
        while started < interceptors.count {
            try interceptors[started].callStarted(&context)
            started += 1
        }
    }

    /// Tells the interceptors that started, last first, how the call ended.
    func end(_ context: ServerContext, _ trailers: CallTrailers) {
        guard started > 0, let startTime else { return }
        let outcome = CallOutcome(
            code: trailers.code, message: trailers.message, trailingMetadata: trailers.metadata,
            duration: startTime.duration(to: .now), bytesIn: bytesIn, bytesOut: bytesOut)
        for index in (0..<started).reversed() { interceptors[index].callEnded(context, outcome: outcome) }
    }
}
