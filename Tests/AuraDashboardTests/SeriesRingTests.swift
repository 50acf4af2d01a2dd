@testable import AuraDashboard
import Testing

@Suite struct SeriesRingTests {
    private func point(_ value: Double) -> [Double] { Array(repeating: value, count: DashboardSeries.allCases.count) }

    @Test func itReturnsTheNewestPointsOldestFirst() {
        var ring = SeriesRing(capacity: 4)
        for value in 1...3 { ring.append(time: Int64(value), point(Double(value))) }
        let newest = ring.newest(2)
        #expect(newest.times == [2, 3])
        #expect(newest.series.count == DashboardSeries.allCases.count)
        #expect(newest.series.allSatisfy { $0 == [2, 3] })
        #expect(ring.newest(10).times == [1, 2, 3])
    }

    @Test func aFullRingOverwritesItsOldestPointAndNeverGrows() {
        var ring = SeriesRing(capacity: 3)
        for value in 1...10 { ring.append(time: Int64(value), point(Double(value))) }
        #expect(ring.count == 3)
        #expect(ring.newest(100).times == [8, 9, 10])
        #expect(ring.newest(100).series[0] == [8, 9, 10])
        #expect(ring.newest(0).times.isEmpty)
    }
}
