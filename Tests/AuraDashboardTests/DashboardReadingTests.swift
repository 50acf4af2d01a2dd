@testable import AuraDashboard
import AuraMetrics
import Testing

@Suite struct DashboardReadingTests {
    private func family(_ name: String, _ type: MetricType, _ samples: [MetricSample]) -> MetricFamily {
        MetricFamily(MetricDescriptor(name, type, help: "h"), samples: samples)
    }

    @Test func itReadsTheFamiliesTheServerExports() {
        let latency = LatencyHistogram()
        latency.record(nanoseconds: 2_000_000)
        let families = [
            family("aura_rpc_server_calls_total", .counter, [
                MetricSample([MetricLabel("method", "a"), MetricLabel("code", "OK")], 7),
                MetricSample([MetricLabel("method", "a"), MetricLabel("code", "INTERNAL")], 2),
                MetricSample([MetricLabel("method", "a"), MetricLabel("code", "INVALID_ARGUMENT")], 1),
            ]),
            family("aura_rpc_server_duration_seconds", .histogram, [
                MetricSample([MetricLabel("method", "a"), MetricLabel("rpc_type", "unary")], histogram: latency.snapshot()),
                MetricSample([MetricLabel("method", "s"), MetricLabel("rpc_type", "server_streaming")], histogram: latency.snapshot()),
            ]),
            family("aura_event_loop_busy_seconds_total", .counter, [MetricSample([MetricLabel("loop", "0")], 1.5), MetricSample([MetricLabel("loop", "1")], 0.5)]),
            family("aura_jobs", .gauge, ["pending", "completed", "failed", "processing"].map { MetricSample([MetricLabel("state", $0)], 3) }),
            family("aura_sentiment_results_total", .counter, [MetricSample([MetricLabel("sentiment", "POSITIVE")], 4)]),
            family("aura_plugin_info", .gauge, [MetricSample(
                [MetricLabel("kind", "analyzer"), MetricLabel("name", "lexicon"), MetricLabel("version", "1.0.0"), MetricLabel("active", "1")], 1)]),
            family("aura_plugin_latency_seconds", .gauge, [MetricSample(
                [MetricLabel("kind", "analyzer"), MetricLabel("name", "lexicon"), MetricLabel("version", "1.0.0"), MetricLabel("quantile", "0.99")], 0.25)]),
            family("aura_service_serving", .gauge, [MetricSample([MetricLabel("service", "aura.Jobs")], 0)]),
            family("aura_key_calls_total", .counter, [MetricSample([MetricLabel("key_id", "k1")], 9)]),
            family("something_else", .gauge, [MetricSample([], 1)]),
        ]
        let reading = DashboardReading(families: families)
        #expect(reading.calls == 10 && reading.errors == 2)
        #expect(reading.unaryLatency.count == 1)
        #expect(reading.loopBusySeconds == 2 && reading.loops == 2)
        #expect(reading.jobQueueDepth == 3 && reading.documents == 6)
        #expect(reading.sentiments == ["POSITIVE": 4])
        #expect(reading.plugins == [DashboardReading.Plugin(kind: "analyzer", name: "lexicon", version: "1.0.0", active: true, p99Seconds: 0.25)])
        #expect(reading.services.map(\.name) == ["aura.Jobs"] && reading.services.map(\.serving) == [false])
        #expect(reading.keys.map(\.id) == ["k1"] && reading.keys.map(\.calls) == [9])
    }
}
