/// The series the dashboard keeps, one value per point. An `increase` series holds what a
/// counter gained during the point's step (calls, records, CPU seconds), so sums over any
/// window are exact; a `level` series holds a gauge at the step's end, a ratio or a quantile
/// over the step, or NaN when the step had nothing to measure (no calls, no cache lookups).
public enum DashboardSeries: String, CaseIterable, Sendable {
    /// Calls ended.
    case calls
    /// Calls ended with a server error (`StatusCode.serverErrors`).
    case errors
    /// Unary calls ended, the base of the latency quantiles and the SLA.
    case unaryCalls
    /// Unary calls that took no longer than the SLA's latency objective.
    case unaryWithinObjective
    /// Unary latency quantiles, in seconds.
    case p50, p95, p99
    /// Result-cache hits over lookups.
    case cacheHitRate
    /// Open RPC connections.
    case connections
    /// The server's resident memory, in bytes.
    case residentBytes
    /// The share of the event loops' time spent working (CPU time over wall time and loops).
    case loopBusy
    /// Jobs waiting for a worker.
    case jobQueueDepth
    /// Job-log `fdatasync` calls, and their latency quantiles in seconds.
    case jobLogSyncs, jobLogSyncP50, jobLogSyncP99
    /// Sentiment results by label.
    case positive, negative, neutral, mixed
    /// Document records the jobs analyzed.
    case records
    /// Documents (jobs) that finished, completed or failed.
    case documents
    /// CPU seconds the process used (user and system).
    case cpuSeconds

    /// Whether a point holds a counter's increase over its step (else a level).
    public var isIncrease: Bool {
        switch self {
        case .p50, .p95, .p99, .cacheHitRate, .connections, .residentBytes, .loopBusy, .jobQueueDepth, .jobLogSyncP50, .jobLogSyncP99: false
        default: true
        }
    }

    /// The four sentiment series, in `SentimentTally.labels` order, with the label each counts.
    static let sentiments: [(series: DashboardSeries, label: String)] = [
        (.positive, "POSITIVE"), (.negative, "NEGATIVE"), (.neutral, "NEUTRAL"), (.mixed, "MIXED"),
    ]
}
