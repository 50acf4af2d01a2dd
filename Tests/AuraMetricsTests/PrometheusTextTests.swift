import AuraMetrics
import Testing

@Suite struct PrometheusTextTests {
    private func registry() -> MetricsRegistry {
        let registry = MetricsRegistry()
        let histogram = LatencyHistogram()
        histogram.record(nanoseconds: 30_000)
        histogram.record(nanoseconds: 30_000)
        histogram.record(nanoseconds: 70_000_000_000)
        registry.register(MetricDescriptor("test_calls_total", .counter, help: "Calls, with a \\ and a\nline feed.")) {
            [
                MetricSample([MetricLabel("method", "a/B"), MetricLabel("code", "OK")], 3),
                MetricSample([MetricLabel("method", "quote \" back \\ nl \n end"), MetricLabel("code", "INTERNAL")], 1),
            ]
        }
        registry.register(MetricDescriptor("test_level", .gauge, help: "A level."), value: { 2.5 })
        registry.register(MetricDescriptor("test_duration_seconds", .histogram, help: "Latency.")) {
            [MetricSample([MetricLabel("method", "a/B")], histogram: histogram.snapshot())]
        }
        registry.keyUsage.record(keyID: "k1")
        registry.keyUsage.record(keyID: "k1")
        return registry
    }

    @Test func theExpositionParsesStrictly() throws {
        let text = PrometheusText.render(registry().collect())
        let parsed = try ExpositionParser(text)
        #expect(parsed.order == ["aura_key_calls_total", "test_calls_total", "test_level", "test_duration_seconds"])
        #expect(parsed.families["test_calls_total"]?.help == "Calls, with a \\ and a\nline feed.")
        #expect(parsed.families["test_calls_total"]?.type == "counter")
        #expect(parsed.families["test_level"]?.samples == [.init(name: "test_level", labels: [:], value: 2.5)])
        #expect(parsed.families["aura_key_calls_total"]?.samples == [.init(name: "aura_key_calls_total", labels: ["key_id": "k1"], value: 2)])
    }

    @Test func labelValuesAreEscapedAndComeBackIntact() throws {
        let text = PrometheusText.render(registry().collect())
        #expect(text.contains(#"method="quote \" back \\ nl \n end""#))
        let samples = try #require(try ExpositionParser(text).families["test_calls_total"]?.samples)
        #expect(samples.map(\.labels["method"]) == ["a/B", "quote \" back \\ nl \n end"])
    }

    @Test func histogramsHaveCumulativeBucketsSumAndCount() throws {
        let text = PrometheusText.render(registry().collect())
        let samples = try #require(try ExpositionParser(text).families["test_duration_seconds"]?.samples)
        let buckets = samples.filter { $0.name == "test_duration_seconds_bucket" }
        #expect(buckets.count == LatencyBuckets.count)
        #expect(buckets.first?.labels == ["method": "a/B", "le": "0.00001"] && buckets.first?.value == 0)
        #expect(buckets.first { $0.labels["le"] == "0.00005" }?.value == 2)
        #expect(buckets.first { $0.labels["le"] == "50" }?.value == 2)
        #expect(buckets.last?.labels["le"] == "+Inf" && buckets.last?.value == 3)
        #expect(samples.first { $0.name == "test_duration_seconds_count" }?.value == 3)
        #expect(samples.first { $0.name == "test_duration_seconds_sum" }?.value == 70.00006)
    }

    @Test func numbersAreWrittenAsTheFormatReadsThem() {
        #expect(PrometheusText.number(3) == "3")
        #expect(PrometheusText.number(0.25) == "0.25")
        #expect(PrometheusText.number(.nan) == "NaN")
        #expect(PrometheusText.number(.infinity) == "+Inf")
        #expect(PrometheusText.number(-.infinity) == "-Inf")
        #expect(PrometheusText.number(1e20) == "1e+20")
    }

    @Test func namesAreChecked() {
        #expect(MetricName.isValid("aura_rpc:calls_total"))
        #expect(!MetricName.isValid("9lives"))
        #expect(!MetricName.isValid("has-dash"))
        #expect(!MetricName.isValid(""))
        #expect(MetricName.isValidLabel("method"))
        #expect(!MetricName.isValidLabel("__name__"))
        #expect(!MetricName.isValidLabel("a:b"))
    }

    @Test func keyUsageCapsTheNumberOfKeys() {
        let usage = KeyUsage(maxKeys: 2)
        for id in ["a", "b", "c", "d", "a"] { usage.record(keyID: id) }
        #expect(usage.counts().map(\.keyID) == ["a", "b", "other"])
        #expect(usage.counts().map(\.calls) == [2, 1, 2])
    }
}
