/// Call latencies in nanoseconds, for percentiles.
struct Latencies {
    private var samples: [UInt64] = []

    mutating func record(_ nanoseconds: UInt64) { samples.append(nanoseconds) }

    mutating func merge(_ other: Latencies) { samples.append(contentsOf: other.samples) }

    var count: Int { samples.count }

    /// The percentile `p` (0 to 100) in microseconds, nearest rank.
    func percentileMicros(_ p: Double, sorted: [UInt64]) -> Double {
        guard !sorted.isEmpty else { return 0 }
        let rank = min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))
        return Double(sorted[rank]) / 1000
    }

    /// p50, p90, p99 and p99.9 in microseconds.
    func summary() -> [String: Double] {
        let sorted = samples.sorted()
        return [
            "p50_us": percentileMicros(50, sorted: sorted), "p90_us": percentileMicros(90, sorted: sorted),
            "p99_us": percentileMicros(99, sorted: sorted), "p999_us": percentileMicros(99.9, sorted: sorted),
        ]
    }
}

extension Duration {
    var nanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        return UInt64(max(0, seconds)) * 1_000_000_000 + UInt64(max(0, attoseconds) / 1_000_000_000)
    }

    var seconds: Double { Double(nanoseconds) / 1e9 }
}
