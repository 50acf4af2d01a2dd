import AuraMessages
import Foundation

/// `aura-rpc stats`: aura.Sentiment/Stats, the result cache's counters and plugin failures.
struct StatsCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.isEmpty else { throw CLIFailure.usage("stats takes no arguments", topic: .stats) }
        let stats = try await invocation.unary("aura.Sentiment/Stats", Empty(), as: AnalyzerStats.self)
        if invocation.json { return try Output.json(stats, responseOf: "aura.Sentiment/Stats") }
        let rows: [(String, UInt64)] = [
            ("cache hits", stats.cacheHits), ("cache misses", stats.cacheMisses), ("cache entries", stats.cacheEntries),
            ("cache bytes", stats.cacheBytes), ("plugin failures", stats.pluginFailures),
        ]
        for (name, value) in rows { Output.line(name.padding(toLength: 17, withPad: " ", startingAt: 0) + String(value)) }
    }
}
