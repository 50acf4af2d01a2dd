import AuraMetrics
import AuraPluginHost

/// Each loaded plugin's own figures (`PluginStats`), labelled by kind, name and version, so a
/// new version's latency and failures show beside the old one's.
enum PluginFamilies {
    static func register(plugins: PluginRegistry, into registry: MetricsRegistry) {
        registry.register(MetricDescriptor("aura_plugin_calls_total", .counter, help: "Calls each plugin version ran.")) {
            snapshots(plugins).map { MetricSample($0.labels, Double($0.stats.calls)) }
        }
        registry.register(MetricDescriptor("aura_plugin_call_failures_total", .counter, help: "Calls each plugin version failed.")) {
            snapshots(plugins).map { MetricSample($0.labels, Double($0.stats.failures)) }
        }
        registry.register(MetricDescriptor(
            "aura_plugin_latency_seconds", .gauge, help: "Time inside each plugin version since it loaded, at quantile 0.5 and 0.99."
        )) {
            snapshots(plugins).flatMap { plugin in
                [("0.5", plugin.stats.p50Micros), ("0.99", plugin.stats.p99Micros)].map {
                    MetricSample(plugin.labels + [MetricLabel("quantile", $0.0)], Double($0.1) / 1e6)
                }
            }
        }
    }

    private static func snapshots(_ plugins: PluginRegistry) -> [(labels: [MetricLabel], stats: PluginStats.Snapshot)] {
        plugins.list().compactMap { entry in
            guard let plugin = try? plugins.plugin(entry.info.kind, id: entry.info.id) else { return nil }
            let labels = [MetricLabel("kind", entry.info.kind.name), MetricLabel("name", entry.info.name), MetricLabel("version", entry.info.version)]
            return (labels, plugin.stats.snapshot)
        }
    }
}
