import Synchronization

/// Per-plugin figures for `aura-rpc plugins list --stats`: calls, failures, calls abandoned by
/// their caller, rejections, crashes, and the latency of the plugin's own work (p50, p99).
///
/// One uncontended lock per call: the counters and the histogram change together.
public final class PluginStats: Sendable {
    /// A copy of the figures at one moment.
    public struct Snapshot: Sendable, Equatable {
        /// Calls the plugin ran (finished or not).
        public var calls: UInt64 = 0
        /// Calls that ended in an error: the plugin's own, or a result the host refused.
        public var failures: UInt64 = 0
        /// Calls whose caller stopped waiting (deadline passed, or cancelled): queued ones never
        /// run, running ones are abandoned and their result dropped.
        public var timeouts: UInt64 = 0
        /// Calls refused because the plugin's queue was full.
        public var rejected: UInt64 = 0
        /// Times the plugin crashed (process isolation counts them).
        public var crashes: UInt64 = 0
        /// Median time inside the plugin, in microseconds (0 before the first call).
        public var p50Micros: UInt64 = 0
        /// 99th percentile time inside the plugin, in microseconds.
        public var p99Micros: UInt64 = 0

        /// Creates figures.
        public init() {}
    }

    private struct Counts {
        var snapshot = Snapshot()
        var latencies = LatencyHistogram()
    }

    private let counts = Mutex(Counts())

    /// Creates zeroed figures.
    public init() {}

    /// A call ran for `nanoseconds`, and failed or not.
    public func recordCall(nanoseconds: UInt64, failed: Bool) {
        counts.withLock { counts in
            counts.snapshot.calls += 1
            if failed { counts.snapshot.failures += 1 }
            counts.latencies.record(nanoseconds / 1000)
        }
    }

    /// A caller stopped waiting for a call.
    public func recordTimeout() { counts.withLock { $0.snapshot.timeouts += 1 } }

    /// The queue was full.
    public func recordRejected() { counts.withLock { $0.snapshot.rejected += 1 } }

    /// The plugin crashed (its worker process died).
    public func recordCrash() { counts.withLock { $0.snapshot.crashes += 1 } }

    /// The figures now.
    public var snapshot: Snapshot {
        counts.withLock { counts in
            var snapshot = counts.snapshot
            snapshot.p50Micros = counts.latencies.percentile(0.50)
            snapshot.p99Micros = counts.latencies.percentile(0.99)
            return snapshot
        }
    }
}

/// Counts of values in buckets of about 10% width (eight per power of two) from 1 up to 2^40:
/// percentiles within 10% in a fixed 2.6 KiB, with no allocation per value.
struct LatencyHistogram {
    private static let subBuckets = 8
    private var buckets = [UInt64](repeating: 0, count: 41 * subBuckets)
    private var total: UInt64 = 0

    /// Counts `value`.
    mutating func record(_ value: UInt64) {
        buckets[Self.bucket(of: value)] += 1
        total += 1
    }

    /// The smallest bucket bound below which at least `fraction` of the values fall.
    func percentile(_ fraction: Double) -> UInt64 {
        guard total > 0 else { return 0 }
        let rank = UInt64((Double(total) * fraction).rounded(.up))
        var seen: UInt64 = 0
        for (index, count) in buckets.enumerated() {
            seen += count
            if seen >= max(rank, 1) { return Self.upperBound(of: index) }
        }
        return Self.upperBound(of: buckets.count - 1)
    }

    /// Values below 8 have a bucket each; above, the power of two and the next three bits pick it.
    static func bucket(of value: UInt64) -> Int {
        guard value >= UInt64(subBuckets) else { return Int(value) }
        let power = 63 - value.leadingZeroBitCount  // at least 3
        let fraction = Int((value >> (power - 3)) & 7)
        return min((power - 2) * subBuckets + fraction, 41 * subBuckets - 1)
    }

    /// The largest value that falls in bucket `index`.
    static func upperBound(of index: Int) -> UInt64 {
        guard index >= subBuckets else { return UInt64(index) }
        let power = index / subBuckets + 2, fraction = UInt64(index % subBuckets)
        return ((8 + fraction + 1) << (power - 3)) - 1
    }
}
