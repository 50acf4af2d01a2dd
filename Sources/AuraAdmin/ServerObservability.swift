import AuraJobs
import AuraMessages
import AuraMetrics
import AuraPluginHost
import AuraPosix
import AuraSentiment
import AuraServer
import AuraWire
import Synchronization

/// The server's figures in one place: the registry every metric is collected from, the call
/// metrics its interceptor feeds, the job log's fsync latencies, and the alerts. Built once at
/// start; `aura.Admin/Stats`, `/metrics`, `/healthz` and `aura.Health/Check` (its alerts) read it
/// (docs/METRICS.md lists every metric).
public final class ServerObservability: Sendable {
    /// Every metric, for the Prometheus exposition (and any other reader, e.g. a dashboard).
    public let registry: MetricsRegistry
    /// Per-method calls and latencies; give `MetricsInterceptor(metrics: calls)` to the server.
    public let calls: CallMetrics
    /// The job log's `fdatasync` latencies; feed it from `JobsConfiguration.logSyncObserver`.
    public let jobLogSyncs: LatencyHistogram
    /// The alerts, evaluated off the hot path.
    public let alerts: AlertMonitor
    private let engine: SentimentEngine
    private let jobs: JobManager
    private let startTime = WallClock.microseconds() / 1000
    private let connections = ConnectionSource()

    /// Figures for a server serving `methods` (`MethodRegistry.methods` of every service, and
    /// `AdminStatsService.methods`),
    /// with the engine's cache and sentiments, the jobs' queue, the plugins loaded, this
    /// process's memory, the calls per API key the key check counts into `keyUsage`; alerts
    /// are logged with `log`.
    public init(
        methods: [(name: String, kind: MethodKind)], engine: SentimentEngine, jobs: JobManager, jobLogSyncs: LatencyHistogram,
        keyUsage: KeyUsage = KeyUsage(maxKeys: 1_000), thresholds: AlertThresholds = AlertThresholds(),
        log: @escaping @Sendable (String) -> Void
    ) {
        let registry = MetricsRegistry(keyUsage: keyUsage), calls = CallMetrics(methods: methods)
        self.registry = registry
        self.calls = calls
        self.jobLogSyncs = jobLogSyncs
        self.engine = engine
        self.jobs = jobs
        alerts = AlertMonitor(thresholds: thresholds, inputs: { Self.alertInputs(calls: calls, engine: engine, jobs: jobs) }, now: { WallClock.microseconds() / 1000 }, log: log)
        calls.register(into: registry)
        MetricFamilies.register(engine: engine, jobs: jobs, jobLogSyncs: jobLogSyncs, into: registry)
        let connections = connections
        registry.register(MetricDescriptor("aura_rpc_connections", .gauge, help: "Open RPC connections."), value: { Double(connections.count) })
        let alerts = alerts
        registry.register(MetricDescriptor("aura_alerts_firing", .gauge, help: "Alerts the server evaluates itself, 1 while firing.")) {
            let firing = Set(alerts.active.map(\.kind))
            return AlertKind.allCases.map { MetricSample([MetricLabel("alertname", $0.rawValue)], firing.contains($0) ? 1 : 0) }
        }
    }

    /// Reads the open connections from `count` (the server's, once it exists).
    public func countConnections(_ count: @escaping @Sendable () -> Int) { connections.set(count) }

    /// The Prometheus text exposition of every metric.
    public func prometheusText() -> String { PrometheusText.render(registry.collect()) }

    private static func alertInputs(calls: CallMetrics, engine: SentimentEngine, jobs: JobManager) -> AlertInputs {
        var inputs = AlertInputs()
        for method in calls.all {
            inputs.calls += method.totalCalls
            inputs.errors += method.errorCalls
        }
        inputs.unaryLatency = calls.unaryLatency
        let cache = engine.cache.stats
        inputs.cacheHits = UInt64(cache.hits)
        inputs.cacheMisses = UInt64(cache.misses)
        inputs.jobQueueDepth = Int(jobs.stats.pending)
        return inputs
    }

    /// Everything `aura.Admin/Stats` answers.
    public func stats() -> ServerStats {
        var stats = ServerStats()
        let now = WallClock.microseconds() / 1000
        stats.timeUnixMs = now
        stats.uptimeSeconds = UInt64(max(0, now - startTime) / 1000)
        stats.methods = calls.all.filter { $0.totalCalls > 0 }.map(Self.methodStats)
        stats.calls = stats.methods.reduce(0) { $0 + $1.calls }
        stats.errors = stats.methods.reduce(0) { $0 + $1.errors }
        stats.errorRate = stats.calls == 0 ? 0 : Double(stats.errors) / Double(stats.calls)
        let cache = engine.cache.stats
        stats.cacheHits = UInt64(cache.hits)
        stats.cacheMisses = UInt64(cache.misses)
        stats.cacheHitRate = cache.hits + cache.misses == 0 ? 1 : Double(cache.hits) / Double(cache.hits + cache.misses)
        for label in SentimentTally.labels { stats.sentiments[label.name ?? "\(label.rawValue)"] = engine.sentiments.count(label) }
        stats.keyUsage = registry.keyUsage.counts().map { ServerKeyUsage(keyId: $0.keyID, calls: $0.calls) }
        stats.jobQueueDepth = jobs.stats.pending
        let syncs = jobLogSyncs.snapshot()
        stats.jobLogSyncs = syncs.count
        stats.jobLogSyncP50Seconds = syncs.quantile(0.5) ?? 0
        stats.jobLogSyncP99Seconds = syncs.quantile(0.99) ?? 0
        stats.plugins = engine.plugins.list().map {
            ServerPluginVersion(kind: $0.info.kind.name, name: $0.info.name, version: $0.info.version, active: $0.isActive)
        }
        stats.residentBytes = UInt64(ProcessMemory.residentBytes)
        stats.connections = UInt64(connections.count)
        stats.alerts = firingAlerts()
        return stats
    }

    /// The alerts firing now, as `ServerStats` and `aura.Health/Check` carry them.
    public func firingAlerts() -> [ServerAlert] {
        alerts.active.map { ServerAlert(name: $0.kind.rawValue, message: $0.message, sinceUnixMs: $0.sinceUnixMilliseconds) }
    }

    private static func methodStats(_ method: MethodMetrics) -> ServerMethodStats {
        var stats = ServerMethodStats(method: method.method, rpcType: method.kind.label, calls: method.totalCalls, errors: method.errorCalls)
        for code in StatusCode.all where method.calls(code) > 0 { stats.callsByCode[code.name] = method.calls(code) }
        let latency = method.latency.snapshot()
        stats.p50Seconds = latency.quantile(0.5) ?? 0
        stats.p95Seconds = latency.quantile(0.95) ?? 0
        stats.p99Seconds = latency.quantile(0.99) ?? 0
        return stats
    }
}

/// Where the open connections are read from: the server, which exists only after the
/// interceptors (and so this) were made.
private final class ConnectionSource: Sendable {
    private let source = Mutex<(@Sendable () -> Int)?>(nil)

    func set(_ count: @escaping @Sendable () -> Int) { source.withLock { $0 = count } }

    var count: Int { source.withLock { $0 }?() ?? 0 }
}
