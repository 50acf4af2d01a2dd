import Synchronization

/// New trace and span ids: a counter from a random start, scrambled by splitmix64. Unique in a
/// process, different between processes (each starts elsewhere), uniformly spread (so the low
/// 56 bits of a trace id serve the sampler), and without a system call per id. Not secrets.
public final class TraceIDGenerator: Sendable {
    private let counter: Atomic<UInt64>

    /// Creates a generator starting at a random point.
    public init() { counter = Atomic(UInt64.random(in: .min ... .max)) }

    /// Creates a generator starting at `seed`, for tests that want repeatable ids.
    public init(seed: UInt64) { counter = Atomic(seed) }

    /// A new trace id; never all zeros.
    public func traceID() -> TraceID {
        let id = TraceID(high: next(), low: next())
        return id.isValid ? id : traceID()
    }

    /// A new span id; never zero.
    public func spanID() -> SpanID {
        let value = next()
        return value != 0 ? SpanID(value) : spanID()
    }

    private func next() -> UInt64 {
        var z = counter.wrappingAdd(0x9E37_79B9_7F4A_7C15, ordering: .relaxed).newValue
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
