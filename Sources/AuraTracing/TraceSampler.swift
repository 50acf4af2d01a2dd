/// Decides whether a new trace is recorded: a given share of them, chosen by the trace id's low
/// 56 bits (the random part W3C Trace Context level 2 guarantees), as OpenTelemetry's
/// `TraceIdRatioBased` sampler. The same trace id gets the same answer on every server.
///
/// A trace that arrives with a `traceparent` keeps its caller's decision (parent-based
/// sampling): the sampler only decides for the traces a server starts.
public struct TraceSampler: Sendable, Equatable {
    /// The share of new traces recorded, 0 to 1.
    public let rate: Double
    /// The default rate: 10%, as the X-Ray setup AuraStream replaces.
    public static let defaultRate = 0.1
    private let threshold: UInt64

    private static let randomBits: UInt64 = 1 << 56

    /// Records `rate` (clamped to 0...1) of new traces.
    public init(rate: Double) {
        let rate = rate.isNaN ? 0 : min(max(rate, 0), 1)
        self.rate = rate
        threshold = rate >= 1 ? Self.randomBits : UInt64(rate * Double(Self.randomBits))
    }

    /// Whether a new trace with `traceID` is recorded.
    public func samples(_ traceID: TraceID) -> Bool { traceID.low & (Self.randomBits - 1) < threshold }
}
