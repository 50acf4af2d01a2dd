import Synchronization

/// A latency histogram that many threads record into at once: one relaxed atomic add per
/// bucket and one for the sum, no lock and no allocation. Reading (`snapshot`) is not atomic
/// across buckets; a scrape racing a record may see it in the bucket but not yet in the sum,
/// which the next scrape corrects.
public final class LatencyHistogram: Sendable {
    private let buckets: InlineArray<22, Atomic<UInt64>>
    private let sumNanoseconds = Atomic<UInt64>(0)

    /// An empty histogram.
    public init() {
        precondition(LatencyBuckets.count == 22, "the bucket storage follows LatencyBuckets")
        buckets = InlineArray { _ in Atomic(0) }
    }

    /// Records one latency.
    @inline(__always)
    public func record(nanoseconds: UInt64) {
        buckets[LatencyBuckets.index(ofNanoseconds: nanoseconds)].wrappingAdd(1, ordering: .relaxed)
        sumNanoseconds.wrappingAdd(nanoseconds, ordering: .relaxed)
    }

    /// Records one latency given as a `Duration` (negative ones count as zero).
    @inline(__always)
    public func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = seconds * 1_000_000_000 + attoseconds / 1_000_000_000
        record(nanoseconds: nanoseconds > 0 ? UInt64(nanoseconds) : 0)
    }

    /// The counts so far.
    public func snapshot() -> HistogramSnapshot {
        var counts = [UInt64](repeating: 0, count: LatencyBuckets.count)
        for index in counts.indices { counts[index] = buckets[index].load(ordering: .relaxed) }
        return HistogramSnapshot(counts: counts, sumNanoseconds: sumNanoseconds.load(ordering: .relaxed))
    }
}
