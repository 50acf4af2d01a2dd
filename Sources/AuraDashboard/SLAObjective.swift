/// A service-level objective: `target` of unary calls end within `latency`
/// (`--sla-latency-ms`, `--sla-target`), e.g. 99.9% under 100 ms.
public struct SLAObjective: Sendable, Equatable {
    /// The latency a call must not exceed, in nanoseconds.
    public var latencyNanoseconds: UInt64
    /// The share of calls that must meet it, as a percentage (e.g. 99.9).
    public var targetPercent: Double

    /// The default objective: 99.9% of calls within 100 ms.
    public init(latencyMilliseconds: Double = 100, targetPercent: Double = 99.9) {
        latencyNanoseconds = UInt64(max(latencyMilliseconds, 0) * 1e6)
        self.targetPercent = targetPercent
    }
}
