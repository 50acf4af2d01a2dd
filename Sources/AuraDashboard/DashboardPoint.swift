import AuraMetrics

/// One point of every series, from two readings `seconds` apart: counters' increases, gauges'
/// levels at the end, ratios and quantiles over the step. Pure, so it is tested by feeding
/// readings.
enum DashboardPoint {
    /// The values in `DashboardSeries.allCases` order.
    static func values(from old: DashboardReading, to new: DashboardReading, seconds: Double, objective: SLAObjective) -> [Double] {
        let latency = new.unaryLatency.subtracting(old.unaryLatency)
        let syncs = new.jobLogSyncs.subtracting(old.jobLogSyncs)
        let hits = increase(old.cacheHits, new.cacheHits), lookups = hits + increase(old.cacheMisses, new.cacheMisses)
        return DashboardSeries.allCases.map { series in
            switch series {
            case .calls: increase(old.calls, new.calls)
            case .errors: increase(old.errors, new.errors)
            case .unaryCalls: Double(latency.count)
            case .unaryWithinObjective: latency.count(atMostNanoseconds: objective.latencyNanoseconds)
            case .p50: latency.quantile(0.5) ?? .nan
            case .p95: latency.quantile(0.95) ?? .nan
            case .p99: latency.quantile(0.99) ?? .nan
            case .cacheHitRate: lookups == 0 ? .nan : hits / lookups
            case .connections: new.connections
            case .residentBytes: new.residentBytes
            case .loopBusy:
                new.loops == 0 || seconds <= 0 ? .nan : min(increase(old.loopBusySeconds, new.loopBusySeconds) / (seconds * Double(new.loops)), 1)
            case .jobQueueDepth: new.jobQueueDepth
            case .jobLogSyncs: Double(syncs.count)
            case .jobLogSyncP50: syncs.quantile(0.5) ?? .nan
            case .jobLogSyncP99: syncs.quantile(0.99) ?? .nan
            case .positive, .negative, .neutral, .mixed:
                increase(old.sentiments[label(series)] ?? 0, new.sentiments[label(series)] ?? 0)
            case .records: increase(old.records, new.records)
            case .documents: increase(old.documents, new.documents)
            case .cpuSeconds: increase(old.cpuSeconds, new.cpuSeconds)
            }
        }
    }

    /// What a counter gained; a counter that went down (a gauge of finished jobs after a
    /// retention sweep) gained nothing.
    private static func increase(_ old: Double, _ new: Double) -> Double { max(new - old, 0) }

    private static func label(_ series: DashboardSeries) -> String {
        DashboardSeries.sentiments.first { $0.series == series }?.label ?? ""
    }
}
