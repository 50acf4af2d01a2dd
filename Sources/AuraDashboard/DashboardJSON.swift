import AuraMetrics

/// The document `/dashboard/series.json` answers:
///
/// ```
/// {"now": ms, "resolution": "second", "stepMs": 1000,
///  "sla": {"latencyMs": 100, "targetPercent": 99.9},
///  "times": [ms...], "series": {"calls": [...], "p99": [null, 0.0012, ...], ...},
///  "days": {"times": [...], "series": {...}}, "today": {"calls": 12, ...},
///  "services": [{"name", "serving"}], "plugins": [{...}], "keys": [{"id", "calls", "today"}],
///  "alerts": [{"name", "message", "sinceMs"}]}
/// ```
///
/// Times are each point's end in milliseconds since the epoch; a value with nothing to
/// measure (no calls in the step) is null.
enum DashboardJSON {
    static func render(_ history: DashboardHistory, resolution: DashboardResolution, points: Int, alerts: [Alert]) -> String {
        var json = JSONWriter()
        json.open("{")
        json.field("now", history.latest?.time ?? 0)
        json.field("resolution", resolution.rawValue)
        json.field("stepMs", resolution.stepMilliseconds)
        json.key("sla")
        json.open("{")
        json.field("latencyMs", Double(history.objective.latencyNanoseconds) / 1e6)
        json.field("targetPercent", history.objective.targetPercent)
        json.close("}")
        series(history.points(resolution, limit: points), into: &json)
        json.key("days")
        json.open("{")
        series(history.points(.day, limit: DashboardResolution.day.capacity), into: &json)
        json.close("}")
        json.key("today")
        json.open("{")
        if let today = history.partial(.day) {
            for (series, value) in zip(DashboardSeries.allCases, today) { json.field(series.rawValue, value) }
        }
        json.close("}")
        tables(history, alerts: alerts, into: &json)
        json.close("}")
        return json.text
    }

    private static func series(_ points: (times: [Int64], series: [[Double]]), into json: inout JSONWriter) {
        json.key("times")
        json.array(points.times) { json, time in json.value(time) }
        json.key("series")
        json.open("{")
        for (series, values) in zip(DashboardSeries.allCases, points.series) {
            json.key(series.rawValue)
            json.array(values) { json, value in json.value(value) }
        }
        json.close("}")
    }

    private static func tables(_ history: DashboardHistory, alerts: [Alert], into json: inout JSONWriter) {
        let reading = history.latest?.reading ?? DashboardReading()
        json.key("services")
        json.array(reading.services) { json, service in
            json.open("{")
            json.field("name", service.name)
            json.field("serving", service.serving)
            json.close("}")
        }
        json.key("plugins")
        json.array(reading.plugins) { json, plugin in
            json.open("{")
            json.field("kind", plugin.kind)
            json.field("name", plugin.name)
            json.field("version", plugin.version)
            json.field("active", plugin.active)
            json.field("calls", plugin.calls)
            json.field("failures", plugin.failures)
            json.field("p50Seconds", plugin.p50Seconds)
            json.field("p99Seconds", plugin.p99Seconds)
            json.close("}")
        }
        let today = history.keyCalls(since: .day)
        json.key("keys")
        json.array(reading.keys.sorted { $0.calls > $1.calls }) { json, key in
            json.open("{")
            json.field("id", key.id)
            json.field("calls", key.calls)
            json.field("today", today[key.id] ?? 0)
            json.close("}")
        }
        json.key("alerts")
        json.array(alerts) { json, alert in
            json.open("{")
            json.field("name", alert.kind.rawValue)
            json.field("message", alert.message)
            json.field("sinceMs", alert.sinceUnixMilliseconds)
            json.close("}")
        }
    }
}
