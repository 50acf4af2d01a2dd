import AuraMetrics

extension HistogramSnapshot {
    /// How many observations were at most `nanoseconds`: whole buckets below it, and the
    /// bucket holding it pro rata (linear within the bucket, as `quantile` assumes). Exact
    /// when `nanoseconds` is a bucket bound (100 ms is one).
    func count(atMostNanoseconds nanoseconds: UInt64) -> Double {
        let bounds = LatencyBuckets.boundsNanoseconds
        var within = 0.0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            guard index < bounds.count else { break }  // the overflow bucket is above every bound
            let lower = index == 0 ? 0 : bounds[index - 1], upper = bounds[index]
            if upper <= nanoseconds {
                within += Double(bucketCount)
            } else {
                if nanoseconds > lower { within += Double(bucketCount) * Double(nanoseconds - lower) / Double(upper - lower) }
                break
            }
        }
        return within
    }
}
