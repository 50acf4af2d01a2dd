import AuraMessages
import Foundation

/// The text of `aura-rpc server-stats`: a summary, then a table of methods. Given the previous
/// figures (the `--watch` view), rates per second are shown beside the totals.
enum ServerStatsView {
    static func render(_ stats: ServerStats, previous: ServerStats?) -> String {
        let elapsed = previous.map { Double(stats.timeUnixMs - $0.timeUnixMs) / 1000 } ?? 0
        func rate(_ now: UInt64, _ before: UInt64?) -> String {
            guard let before, elapsed > 0 else { return "" }
            return String(format: " (%.1f/s)", Double(now &- min(now, before)) / elapsed)
        }
        let sentiments: [String] = ["POSITIVE", "NEGATIVE", "NEUTRAL", "MIXED"].map { label in
            let count: UInt64 = stats.sentiments[label] ?? 0
            return label.lowercased() + " " + String(count)
        }
        let plugins: [String] = stats.plugins.map { plugin in plugin.name + "@" + plugin.version + (plugin.active ? "*" : "") }
        let cacheLookups: UInt64 = stats.cacheHits + stats.cacheMisses
        var lines: [String] = []
        lines.append("uptime \(stats.uptimeSeconds) s   rss \(stats.residentBytes >> 20) MiB   connections \(stats.connections)")
        lines.append("calls \(stats.calls)" + rate(stats.calls, previous?.calls) + "   errors \(stats.errors) (" + percent(stats.errorRate) + ")"
            + "   cache hit rate " + percent(stats.cacheHitRate) + " of \(cacheLookups)")
        lines.append("job queue \(stats.jobQueueDepth)   job log fsyncs \(stats.jobLogSyncs) p50 " + duration(stats.jobLogSyncP50Seconds)
            + " p99 " + duration(stats.jobLogSyncP99Seconds))
        lines.append("sentiments " + sentiments.joined(separator: "  "))
        lines.append("plugins " + (plugins.isEmpty ? "none" : plugins.joined(separator: " ")))
        if !stats.keyUsage.isEmpty {
            let keys: [String] = stats.keyUsage.map { usage in usage.keyId + " " + String(usage.calls) }
            lines.append("keys " + keys.joined(separator: "  "))
        }
        let alerts: [String] = stats.alerts.map { alert in alert.name + ": " + alert.message }
        lines.append(alerts.isEmpty ? "alerts none" : "ALERTS " + alerts.joined(separator: "; "))
        lines.append("")
        let header: String = pad("method", 34) + pad("calls", 18, right: true) + pad("errors", 8, right: true)
        lines.append(header + pad("p50", 10, right: true) + pad("p95", 10, right: true) + pad("p99", 10, right: true))
        var before: [String: UInt64] = [:]
        for method in previous?.methods ?? [] { before[method.method] = method.calls }
        for method in stats.methods {
            let earlier: UInt64? = previous == nil ? nil : (before[method.method] ?? 0)
            let calls: String = String(method.calls) + rate(method.calls, earlier)
            var row: String = pad(method.method, 34) + pad(calls, 18, right: true) + pad(String(method.errors), 8, right: true)
            row += pad(duration(method.p50Seconds), 10, right: true) + pad(duration(method.p95Seconds), 10, right: true)
            row += pad(duration(method.p99Seconds), 10, right: true)
            lines.append(row)
        }
        return lines.joined(separator: "\n")
    }

    private static func percent(_ rate: Double) -> String { String(format: "%.1f%%", rate * 100) }

    private static func duration(_ seconds: Double) -> String {
        switch seconds {
        case 0: "-"
        case ..<1e-3: String(format: "%.0fµs", seconds * 1e6)
        case ..<1: String(format: "%.1fms", seconds * 1e3)
        default: String(format: "%.2fs", seconds)
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(1, width - text.count))
        return right ? fill + text : text + fill
    }
}
