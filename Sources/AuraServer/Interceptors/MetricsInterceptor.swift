import AuraWire

/// Records every call's latency and status in `CallMetrics`: one table lookup and three atomic
/// adds when the call ends, nothing when it starts. Put it first in the chain so it counts the
/// calls later interceptors (keys, rate limits) reject.
public struct MetricsInterceptor: ServerInterceptor {
    private let metrics: CallMetrics

    /// Records into `metrics`.
    public init(metrics: CallMetrics) { self.metrics = metrics }

    public func callEnded(_ context: ServerContext, outcome: CallOutcome) {
        metrics.record(method: context.method, code: outcome.code, duration: outcome.duration)
    }
}
