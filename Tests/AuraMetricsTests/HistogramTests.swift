import AuraMetrics
import Testing

@Suite struct HistogramTests {
    @Test func bucketsAreLogSpacedOneTwoFive() {
        #expect(LatencyBuckets.boundsNanoseconds.count == LatencyBuckets.count - 1)
        #expect(LatencyBuckets.boundsNanoseconds.prefix(4) == [10_000, 20_000, 50_000, 100_000])
        #expect(LatencyBuckets.boundsNanoseconds.last == 50_000_000_000)
        #expect(LatencyBuckets.boundLabels.prefix(3) == ["0.00001", "0.00002", "0.00005"])
        #expect(LatencyBuckets.boundLabels.suffix(3) == ["10", "20", "50"])
    }

    @Test func aValueOnABoundFallsInThatBucket() {
        #expect(LatencyBuckets.index(ofNanoseconds: 0) == 0)
        #expect(LatencyBuckets.index(ofNanoseconds: 10_000) == 0)
        #expect(LatencyBuckets.index(ofNanoseconds: 10_001) == 1)
        #expect(LatencyBuckets.index(ofNanoseconds: 2_000_000_000) == 16)
        #expect(LatencyBuckets.boundsNanoseconds[16] == 2_000_000_000)
        #expect(LatencyBuckets.index(ofNanoseconds: 50_000_000_001) == LatencyBuckets.count - 1)
        #expect(LatencyBuckets.index(ofNanoseconds: .max) == LatencyBuckets.count - 1)
    }

    @Test func recordsCountAndSum() {
        let histogram = LatencyHistogram()
        histogram.record(nanoseconds: 15_000)
        histogram.record(.milliseconds(3))
        histogram.record(.seconds(-1))
        let snapshot = histogram.snapshot()
        #expect(snapshot.count == 3)
        #expect(snapshot.sumNanoseconds == 3_015_000)
        #expect(snapshot.counts[0] == 1 && snapshot.counts[1] == 1 && snapshot.counts[LatencyBuckets.index(ofNanoseconds: 3_000_000)] == 1)
    }

    @Test func quantilesInterpolateLinearlyInTheBucketLikePrometheus() {
        var counts = [UInt64](repeating: 0, count: LatencyBuckets.count)
        counts[3] = 100  // (50 µs, 100 µs]
        let snapshot = HistogramSnapshot(counts: counts, sumNanoseconds: 0)
        #expect(snapshot.quantile(0.5) == 75e-6)
        #expect(abs(snapshot.quantile(0.99)! - 99.5e-6) < 1e-12)
        #expect(snapshot.quantile(1) == 100e-6)
        #expect(snapshot.quantile(0) == 50e-6)
    }

    @Test func quantilesAcrossBuckets() {
        var counts = [UInt64](repeating: 0, count: LatencyBuckets.count)
        counts[0] = 50  // [0, 10 µs]
        counts[6] = 50  // (0.5 ms, 1 ms]
        let snapshot = HistogramSnapshot(counts: counts, sumNanoseconds: 0)
        #expect(snapshot.quantile(0.5) == 10e-6)
        #expect(snapshot.quantile(0.25) == 5e-6)
        #expect(abs(snapshot.quantile(0.95)! - 0.00095) < 1e-12)  // 45 of the bucket's 50 into (0.5 ms, 1 ms]
    }

    @Test func aRankInTheOverflowBucketGivesTheHighestBound() {
        var counts = [UInt64](repeating: 0, count: LatencyBuckets.count)
        counts[LatencyBuckets.count - 1] = 1
        #expect(HistogramSnapshot(counts: counts, sumNanoseconds: 0).quantile(0.99) == 50)
    }

    @Test func anEmptyHistogramHasNoQuantile() {
        #expect(HistogramSnapshot.empty.quantile(0.5) == nil)
    }

    @Test func snapshotsAddAndSubtract() {
        let histogram = LatencyHistogram()
        histogram.record(nanoseconds: 1_000)
        let before = histogram.snapshot()
        histogram.record(nanoseconds: 1_000_000)
        let after = histogram.snapshot()
        let delta = after.subtracting(before)
        #expect(delta.count == 1 && delta.sumNanoseconds == 1_000_000)
        #expect(before.adding(delta) == after)
        #expect(before.subtracting(after).count == 0)
    }

    @Test func concurrentRecordsAreAllCounted() async {
        let histogram = LatencyHistogram(), counter = Counter()
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<4 {
                group.addTask {
                    for index in 0..<10_000 {
                        histogram.record(nanoseconds: UInt64(task * 10_000 + index) * 1_000)
                        counter.increment()
                    }
                }
            }
        }
        #expect(histogram.snapshot().count == 40_000)
        #expect(counter.count == 40_000)
    }
}
