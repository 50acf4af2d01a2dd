import AuraJobs
import AuraMetrics
import AuraPosix
import AuraSentiment

/// The families read from the server's components at scrape time (docs/METRICS.md).
enum MetricFamilies {
    static func register(engine: SentimentEngine, jobs: JobManager, jobLogSyncs: LatencyHistogram, into registry: MetricsRegistry) {
        registry.register(MetricDescriptor("aura_cache_hits_total", .counter, help: "Result cache lookups that hit."), value: {
            Double(engine.cache.stats.hits)
        })
        registry.register(MetricDescriptor("aura_cache_misses_total", .counter, help: "Result cache lookups that missed."), value: {
            Double(engine.cache.stats.misses)
        })
        registry.register(MetricDescriptor("aura_cache_entries", .gauge, help: "Results held in the cache."), value: {
            Double(engine.cache.stats.entries)
        })
        registry.register(MetricDescriptor("aura_plugin_failures_total", .counter, help: "Plugin calls that failed (dead letters)."), value: {
            Double(engine.stats.pluginFailures)
        })
        registry.register(MetricDescriptor("aura_sentiment_results_total", .counter, help: "Sentiment results produced, by label.")) {
            SentimentTally.labels.map { MetricSample([MetricLabel("sentiment", $0.name ?? "")], Double(engine.sentiments.count($0))) }
        }
        registry.register(MetricDescriptor("aura_plugin_info", .gauge, help: "Loaded plugins, 1 each; active is 1 for the one in use.")) {
            engine.plugins.list().map { entry in
                MetricSample(
                    [MetricLabel("kind", entry.info.kind.name), MetricLabel("name", entry.info.name), MetricLabel("version", entry.info.version),
                     MetricLabel("active", entry.isActive ? "1" : "0")], 1)
            }
        }
        registry.register(MetricDescriptor("aura_jobs", .gauge, help: "Jobs by state; state=\"pending\" is the queue waiting for a worker.")) {
            let stats = jobs.stats
            return [("pending", stats.pending), ("processing", stats.processing), ("completed", stats.completed),
                    ("failed", stats.failed), ("cancelled", stats.cancelled)].map { MetricSample([MetricLabel("state", $0.0)], Double($0.1)) }
        }
        registry.register(MetricDescriptor("aura_job_log_bytes", .gauge, help: "Disk the job log takes."), value: { Double(jobs.stats.logBytes) })
        registry.register(MetricDescriptor("aura_job_log_fsync_duration_seconds", .histogram, help: "Latency of the job log's fdatasync calls.")) {
            [MetricSample(histogram: jobLogSyncs.snapshot())]
        }
        registry.register(MetricDescriptor("aura_process_resident_memory_bytes", .gauge, help: "The server's resident memory (RSS)."), value: {
            Double(ProcessMemory.residentBytes)
        })
        registry.register(MetricDescriptor("aura_process_cpu_seconds_total", .counter, help: "CPU time the server used, user and system."), value: {
            CPUTime.processSeconds()
        })
        registry.register(MetricDescriptor("aura_job_records_processed_total", .counter, help: "Document records the jobs analyzed."), value: {
            Double(jobs.stats.recordsProcessed)
        })
        PluginFamilies.register(plugins: engine.plugins, into: registry)
    }
}
