import AuraMessages
import Foundation

/// `aura-rpc server-stats [--watch]`: aura.Admin/Stats, the server's own figures; with
/// `--watch` a live view redrawn every second until Ctrl-C.
struct ServerStatsCommand {
    let invocation: Invocation

    func run() async throws {
        guard invocation.operands.isEmpty else { throw CLIFailure.usage("server-stats takes no arguments", topic: .serverStats) }
        guard invocation.watches else {
            let stats = try await invocation.unary("aura.Admin/Stats", Empty(), as: ServerStats.self)
            if invocation.json { return try Output.json(stats, responseOf: "aura.Admin/Stats") }
            return Output.line(ServerStatsView.render(stats, previous: nil))
        }
        let client = invocation.makeClient()
        defer { Task { await client.shutdown() } }
        var previous: ServerStats?
        while !Task.isCancelled {
            let stats = try await client.unary("aura.Admin/Stats", Empty(), as: ServerStats.self, options: invocation.callOptions)
            if invocation.json {
                try Output.json(stats, responseOf: "aura.Admin/Stats")
            } else {
                // Home the cursor, draw, clear what the previous (longer) frame left below.
                Output.write("\u{1B}[H" + ServerStatsView.render(stats, previous: previous).replacingOccurrences(of: "\n", with: "\u{1B}[K\n") + "\u{1B}[J")
            }
            previous = stats
            try await Task.sleep(for: .seconds(1))
        }
    }
}
