/// The conditions operators are warned about, the same four `deploy/prometheus-alerts.yml`
/// ships as Prometheus rules.
public enum AlertKind: String, Sendable, CaseIterable {
    /// More than `AlertThresholds.errorRate` of calls ended with a server-side error.
    case highErrorRate = "AuraHighErrorRate"
    /// The 99th percentile of unary call latency is above `AlertThresholds.p99Seconds`.
    case highLatency = "AuraHighLatencyP99"
    /// Fewer than `AlertThresholds.cacheHitRate` of result-cache lookups hit.
    case lowCacheHitRate = "AuraLowCacheHitRate"
    /// More than `AlertThresholds.jobQueueDepth` jobs wait for a worker.
    case jobQueueBacklog = "AuraJobQueueBacklog"
}

/// Where each alert starts.
public struct AlertThresholds: Sendable, Equatable {
    /// The share of calls ending in a server error (`ServerErrorCodes`): 5%.
    public var errorRate = 0.05
    /// The p99 of unary latency: 2 s.
    public var p99Seconds = 2.0
    /// The result cache's hit rate: 50%.
    public var cacheHitRate = 0.5
    /// Jobs waiting: 100.
    public var jobQueueDepth = 100

    /// The defaults above.
    public init() {}
}

/// What the alerts are evaluated on: cumulative counters since the start (the evaluator takes
/// the difference between two evaluations) and the current queue depth.
public struct AlertInputs: Sendable, Equatable {
    /// Calls ended.
    public var calls: UInt64 = 0
    /// Of which with a server error.
    public var errors: UInt64 = 0
    /// Unary call latencies.
    public var unaryLatency = HistogramSnapshot.empty
    /// Result-cache hits.
    public var cacheHits: UInt64 = 0
    /// Result-cache misses.
    public var cacheMisses: UInt64 = 0
    /// Jobs waiting for a worker now.
    public var jobQueueDepth = 0

    /// All zero.
    public init() {}
}

/// An alert that is firing.
public struct Alert: Sendable, Equatable {
    /// Which one.
    public var kind: AlertKind
    /// The value and threshold in words, e.g. "error rate 12.5% over 5%".
    public var message: String
    /// When it started, in milliseconds since the Unix epoch.
    public var sinceUnixMilliseconds: Int64
}
