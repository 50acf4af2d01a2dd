import AuraPluginHost
import Testing

@Suite struct PluginStatsTests {
    @Test func countsAndPercentilesWithinTheBucketWidth() {
        let stats = PluginStats()
        #expect(stats.snapshot == PluginStats.Snapshot())
        for _ in 0..<98 { stats.recordCall(nanoseconds: 10_000, failed: false) }
        stats.recordCall(nanoseconds: 5_000_000, failed: true)
        stats.recordCall(nanoseconds: 5_000_000, failed: false)
        stats.recordTimeout()
        stats.recordRejected()
        stats.recordCrash()
        let snapshot = stats.snapshot
        #expect([snapshot.calls, snapshot.failures, snapshot.timeouts, snapshot.rejected, snapshot.crashes] == [100, 1, 1, 1, 1])
        #expect(snapshot.p50Micros == 10)
        #expect((5_000...5_650).contains(snapshot.p99Micros), "\(snapshot.p99Micros)")
    }

    @Test func hugeLatenciesLandInTheLastBucket() {
        let stats = PluginStats()
        stats.recordCall(nanoseconds: .max, failed: false)
        #expect(stats.snapshot.p50Micros > 1 << 40)
    }
}
