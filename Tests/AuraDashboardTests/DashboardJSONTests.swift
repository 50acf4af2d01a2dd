@testable import AuraDashboard
import AuraMetrics
import Foundation
import Testing

@Suite struct DashboardJSONTests {
    private func makeSampler(readings: [DashboardReading]) -> (DashboardSampler, @Sendable () -> Void) {
        final class Script: @unchecked Sendable {  // used from the test's thread only
            var readings: [DashboardReading]
            var time: Int64 = 1_000
            init(_ readings: [DashboardReading]) { self.readings = readings }
        }
        let script = Script(readings)
        var evaluator = AlertEvaluator()
        var backlog = AlertInputs()
        backlog.jobQueueDepth = 500
        _ = evaluator.evaluate(backlog, nowUnixMilliseconds: 5)
        let alert = evaluator.active[0]
        let sampler = DashboardSampler(
            read: { script.readings.removeFirst() }, alerts: { [alert] }, objective: SLAObjective(), now: { script.time })
        return (sampler, { script.time += 1_000 })
    }

    @Test func theSeriesDocumentIsJSONWithNullForNothingMeasured() throws {
        var busy = DashboardReading()
        busy.calls = 3
        busy.keys = [(id: "k\"1", calls: 3)]
        let (sampler, tick) = makeSampler(readings: [DashboardReading(), busy, busy])
        for _ in 0..<3 {
            sampler.sample()
            tick()
        }
        let text = sampler.json(resolution: .second, points: 10)
        #expect(!text.contains("<"), "no markup-breaking character in the document")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["times"] as? [Int] == [2_000, 3_000])
        let series = try #require(document["series"] as? [String: [Any]])
        #expect(Set(series.keys) == Set(DashboardSeries.allCases.map(\.rawValue)))
        #expect(series["calls"] as? [Int] == [3, 0])
        #expect(series["p99"]?.allSatisfy { $0 is NSNull } == true)
        let keys = try #require(document["keys"] as? [[String: Any]])
        #expect(keys.first?["id"] as? String == "k\"1")
        let alerts = try #require(document["alerts"] as? [[String: Any]])
        #expect(alerts.first?["name"] as? String == "AuraJobQueueBacklog")
        #expect(alerts.first?["message"] as? String == "500 jobs waiting (threshold 100)")
        #expect((document["today"] as? [String: Any])?["calls"] as? Int == 3)
    }

    @Test func numbersKeepSixSignificantDigits() {
        var json = JSONWriter()
        json.array([0.000123456789, 1234.56789, 42, -0.5, .nan, .infinity]) { json, value in json.value(value) }
        #expect(json.text == "[0.000123457,1234.57,42,-0.5,null,null]")
        json = JSONWriter()
        json.value("</script>\u{1}")
        #expect(json.text == #""\u003c/script>\u0001""#)
    }
}
