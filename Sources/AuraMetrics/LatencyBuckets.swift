/// The fixed upper bounds of every latency histogram: 1, 2 and 5 times each power of ten from
/// 10 µs to 50 s (21 bounds, then an overflow bucket). Log-spaced, so one set serves a
/// microsecond cache hit and a minute-long stream alike, and fixed, so histograms of different
/// methods and processes add up bucket by bucket (as Prometheus sums them).
public enum LatencyBuckets {
    /// The upper bounds in nanoseconds, ascending; a value equal to a bound falls in its bucket.
    public static let boundsNanoseconds: [UInt64] = {
        var bounds: [UInt64] = []
        var decade: UInt64 = 10_000
        while decade <= 10_000_000_000 {
            bounds += [decade, 2 * decade, 5 * decade]
            decade *= 10
        }
        return bounds
    }()

    /// How many buckets a histogram has: one per bound and the overflow (`+Inf`).
    public static let count = 22

    /// The bounds in seconds, as Prometheus's `le` label writes them ("0.00001" ... "50").
    public static let boundLabels: [String] = boundsNanoseconds.map(secondsText)

    /// The bucket of a latency: the first bound at or above it, or the overflow bucket.
    @inline(__always)
    public static func index(ofNanoseconds value: UInt64) -> Int {
        var low = 0, high = boundsNanoseconds.count
        while low < high {
            let middle = (low + high) / 2
            if boundsNanoseconds[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Nanoseconds as exact decimal seconds without an exponent: 20000 -> "0.00002".
    static func secondsText(_ nanoseconds: UInt64) -> String {
        let whole = nanoseconds / 1_000_000_000, fraction = nanoseconds % 1_000_000_000
        guard fraction > 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
