/// A histogram's counts at one moment, over `LatencyBuckets`: what is exported, merged and
/// turned into quantiles.
public struct HistogramSnapshot: Sendable, Equatable {
    /// Observations per bucket (not cumulative), the overflow bucket last.
    public var counts: [UInt64]
    /// The sum of every observation, in nanoseconds.
    public var sumNanoseconds: UInt64

    /// A snapshot of the given counts.
    public init(counts: [UInt64], sumNanoseconds: UInt64) {
        precondition(counts.count == LatencyBuckets.count, "one count per bucket")
        self.counts = counts
        self.sumNanoseconds = sumNanoseconds
    }

    /// No observation.
    public static let empty = HistogramSnapshot(counts: Array(repeating: 0, count: LatencyBuckets.count), sumNanoseconds: 0)

    /// How many observations.
    public var count: UInt64 { counts.reduce(0, &+) }

    /// The sum in seconds.
    public var sumSeconds: Double { Double(sumNanoseconds) / 1e9 }

    /// The `q` quantile (0...1) in seconds, estimated as Prometheus's `histogram_quantile` does:
    /// find the bucket holding the rank and interpolate linearly inside it (the first bucket
    /// starts at 0). A rank in the overflow bucket gives the highest bound. Nil when empty.
    public func quantile(_ q: Double) -> Double? {
        let total = count
        guard total > 0 else { return nil }
        let rank = min(max(q, 0), 1) * Double(total)
        var below: UInt64 = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            guard Double(below + bucketCount) >= rank else {
                below += bucketCount
                continue
            }
            let bounds = LatencyBuckets.boundsNanoseconds
            guard index < bounds.count else { return Double(bounds[bounds.count - 1]) / 1e9 }
            let lower = index == 0 ? 0 : Double(bounds[index - 1]), upper = Double(bounds[index])
            let fraction = (rank - Double(below)) / Double(bucketCount)
            return (lower + (upper - lower) * max(fraction, 0)) / 1e9
        }
        return Double(LatencyBuckets.boundsNanoseconds.last!) / 1e9
    }

    /// This snapshot and `other` together (e.g. every method's latencies as one).
    public func adding(_ other: HistogramSnapshot) -> HistogramSnapshot {
        HistogramSnapshot(counts: zip(counts, other.counts).map(&+), sumNanoseconds: sumNanoseconds &+ other.sumNanoseconds)
    }

    /// What was observed since `earlier`, a snapshot of the same histogram (a bucket read while
    /// a record raced never goes below zero).
    public func subtracting(_ earlier: HistogramSnapshot) -> HistogramSnapshot {
        HistogramSnapshot(
            counts: zip(counts, earlier.counts).map { $0 > $1 ? $0 - $1 : 0 },
            sumNanoseconds: sumNanoseconds > earlier.sumNanoseconds ? sumNanoseconds - earlier.sumNanoseconds : 0)
    }
}
