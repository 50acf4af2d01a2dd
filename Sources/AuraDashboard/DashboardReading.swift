import AuraCore
import AuraMetrics
import AuraServer

/// The server's figures at one moment, read from the metrics registry's families (the same
/// ones `/metrics` exports): counters as totals since the start, gauges as levels, and the
/// state the tables show. Two readings make a point (`DashboardPoint`).
public struct DashboardReading: Sendable {
    /// One loaded plugin version and its own figures.
    public struct Plugin: Sendable, Equatable {
        /// Its kind ("analyzer", "redactor"), name and version, as `aura_plugin_info` labels them.
        public var kind = "", name = "", version = ""
        /// Whether new calls of its kind go to it.
        public var active = false
        /// Calls it ran and failed since it loaded.
        public var calls = 0.0, failures = 0.0
        /// The median and 99th percentile of the time inside it, in seconds.
        public var p50Seconds = 0.0, p99Seconds = 0.0
    }

    var calls = 0.0, errors = 0.0
    var unaryLatency = HistogramSnapshot.empty
    var cacheHits = 0.0, cacheMisses = 0.0
    var connections = 0.0, residentBytes = 0.0
    var loopBusySeconds = 0.0, loops = 0
    var jobQueueDepth = 0.0
    var jobLogSyncs = HistogramSnapshot.empty
    var sentiments: [String: Double] = [:]
    var records = 0.0, documents = 0.0, cpuSeconds = 0.0
    /// Each service's health (true: SERVING), by name.
    public internal(set) var services: [(name: String, serving: Bool)] = []
    /// The loaded plugin versions.
    public internal(set) var plugins: [Plugin] = []
    /// Calls per API key id since the start.
    public internal(set) var keys: [(id: String, calls: Double)] = []

    /// Nothing counted yet.
    public init() {}

    /// The figures in `families` (`MetricsRegistry.collect()`); families it does not know are
    /// ignored, missing ones read as zero.
    public init(families: [MetricFamily]) {
        let serverErrors = Set(StatusCode.serverErrors.map(\.name))
        var plugins: [String: Plugin] = [:]
        for family in families {
            for sample in family.samples {
                let labels = Dictionary(sample.labels.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
                switch (family.descriptor.name, sample.value) {
                case ("aura_rpc_server_calls_total", .number(let value)):
                    calls += value
                    if serverErrors.contains(labels["code"] ?? "") { errors += value }
                case ("aura_rpc_server_duration_seconds", .histogram(let histogram)) where labels["rpc_type"] == "unary":
                    unaryLatency = unaryLatency.adding(histogram)
                case ("aura_cache_hits_total", .number(let value)): cacheHits = value
                case ("aura_cache_misses_total", .number(let value)): cacheMisses = value
                case ("aura_rpc_connections", .number(let value)): connections = value
                case ("aura_process_resident_memory_bytes", .number(let value)): residentBytes = value
                case ("aura_process_cpu_seconds_total", .number(let value)): cpuSeconds = value
                case ("aura_event_loop_busy_seconds_total", .number(let value)):
                    loopBusySeconds += value
                    loops += 1
                case ("aura_jobs", .number(let value)):
                    switch labels["state"] {
                    case "pending": jobQueueDepth = value
                    case "completed", "failed": documents += value
                    default: break
                    }
                case ("aura_job_log_fsync_duration_seconds", .histogram(let histogram)): jobLogSyncs = histogram
                case ("aura_sentiment_results_total", .number(let value)): sentiments[labels["sentiment"] ?? "", default: 0] += value
                case ("aura_job_records_processed_total", .number(let value)): records = value
                case ("aura_service_serving", .number(let value)): services.append((labels["service"] ?? "", value == 1))
                case ("aura_key_calls_total", .number(let value)): keys.append((labels["key_id"] ?? "", value))
                case ("aura_plugin_info", .number), ("aura_plugin_calls_total", .number), ("aura_plugin_call_failures_total", .number),
                     ("aura_plugin_latency_seconds", .number):
                    Self.merge(family.descriptor.name, sample, labels, into: &plugins)
                default: break
                }
            }
        }
        self.plugins = plugins.values.sorted { ($0.kind, $0.name, $0.version) < ($1.kind, $1.name, $1.version) }
    }

    private static func merge(_ family: String, _ sample: MetricSample, _ labels: [String: String], into plugins: inout [String: Plugin]) {
        guard case .number(let value) = sample.value else { return }
        let kind = labels["kind"] ?? "", name = labels["name"] ?? "", version = labels["version"] ?? ""
        let key = "\(kind)/\(name)/\(version)"
        var plugin = plugins[key] ?? Plugin(kind: kind, name: name, version: version)
        switch family {
        case "aura_plugin_info": plugin.active = labels["active"] == "1"
        case "aura_plugin_calls_total": plugin.calls = value
        case "aura_plugin_call_failures_total": plugin.failures = value
        default: if labels["quantile"] == "0.5" { plugin.p50Seconds = value } else { plugin.p99Seconds = value }
        }
        plugins[key] = plugin
    }
}
