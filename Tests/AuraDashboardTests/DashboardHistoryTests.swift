@testable import AuraDashboard
import AuraMetrics
import Testing

@Suite struct DashboardHistoryTests {
    /// A reading after `calls` unary calls of `latencyNanoseconds` each, `errors` of them failed.
    private func reading(calls: UInt64, errors: UInt64 = 0, latencyNanoseconds: UInt64 = 1_000_000, busySeconds: Double = 0) -> DashboardReading {
        let histogram = LatencyHistogram()
        for _ in 0..<calls { histogram.record(nanoseconds: latencyNanoseconds) }
        var reading = DashboardReading()
        reading.calls = Double(calls)
        reading.errors = Double(errors)
        reading.unaryLatency = histogram.snapshot()
        reading.loopBusySeconds = busySeconds
        reading.loops = 2
        return reading
    }

    private func value(_ history: DashboardHistory, _ series: DashboardSeries, _ resolution: DashboardResolution = .second) -> [Double] {
        history.points(resolution, limit: 100).series[DashboardSeries.allCases.firstIndex(of: series)!]
    }

    @Test func aPointHoldsWhatCountersGainedDuringItsSecond() {
        var history = DashboardHistory(objective: SLAObjective())
        history.record(reading(calls: 10), at: 1_000)
        history.record(reading(calls: 25, errors: 3), at: 2_000)
        history.record(reading(calls: 25, errors: 3), at: 3_000)
        #expect(history.points(.second, limit: 100).times == [2_000, 3_000])
        #expect(value(history, .calls) == [15, 0])
        #expect(value(history, .errors) == [3, 0])
        #expect(value(history, .unaryCalls) == [15, 0])
    }

    @Test func aStepWithoutCallsHasNoLatencyRatherThanZero() {
        var history = DashboardHistory(objective: SLAObjective())
        history.record(reading(calls: 4), at: 1_000)
        history.record(reading(calls: 8), at: 2_000)
        history.record(reading(calls: 8), at: 3_000)
        let p99 = value(history, .p99)
        #expect(p99[0] > 0.0005 && p99[0] <= 0.001)
        #expect(p99[1].isNaN)
        let hitRates = value(history, .cacheHitRate)
        #expect(hitRates.count == 2 && hitRates.allSatisfy { $0.isNaN })
    }

    @Test func twoReadingsInOneSecondMakeOnePoint() {
        var history = DashboardHistory(objective: SLAObjective())
        history.record(reading(calls: 0), at: 1_000)
        history.record(reading(calls: 5), at: 1_500)
        history.record(reading(calls: 9), at: 2_100)
        #expect(value(history, .calls) == [9])
    }

    @Test func minutePointsCoverTheWholeMinuteAndDayPointsWaitForTheDay() {
        var history = DashboardHistory(objective: SLAObjective())
        for second in 0...120 { history.record(reading(calls: UInt64(second) * 2), at: 60_000 + Int64(second) * 1_000) }
        #expect(value(history, .calls, .minute) == [120, 120])
        #expect(history.points(.day, limit: 30).times.isEmpty)
        #expect(history.partial(.day)?[DashboardSeries.allCases.firstIndex(of: .calls)!] == 240)
    }

    @Test func theSLACountsCallsWithinTheObjective() {
        var history = DashboardHistory(objective: SLAObjective(latencyMilliseconds: 100, targetPercent: 99))
        var slow = reading(calls: 10, latencyNanoseconds: 50_000_000)
        slow.unaryLatency = slow.unaryLatency.adding(reading(calls: 3, latencyNanoseconds: 300_000_000).unaryLatency)
        history.record(DashboardReading(), at: 1_000)
        history.record(slow, at: 2_000)
        #expect(value(history, .unaryCalls) == [13])
        #expect(value(history, .unaryWithinObjective) == [10])
    }

    @Test func loopBusyIsCPUTimeOverWallTimeAndLoops() {
        var history = DashboardHistory(objective: SLAObjective())
        history.record(reading(calls: 0, busySeconds: 1), at: 1_000)
        history.record(reading(calls: 0, busySeconds: 2), at: 3_000)
        #expect(value(history, .loopBusy) == [0.25])
    }
}
