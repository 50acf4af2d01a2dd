import Foundation
import Testing

/// `aura-rpc plugins list --stats` against a real server.
@Suite(.timeLimit(.minutes(1)))
struct PluginStatsCommandTests {
    @Test func pluginsListStatsShowsEachPluginsCalls() async throws {
        try await withServer(plugins: ServiceCommandTests.plugins) { server in
            for text in ["first text", "second text"] {
                #expect(try await auraRPC(["analyze", text, "--addr", server.address]).status == 0)
            }
            let result = try await auraRPC(["plugins", "list", "--stats", "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.first?.split(separator: " ") == ["plugin", "calls", "failures", "timeouts", "rejected", "crashes", "p50_us", "p99_us"], "\(result)")
            let analyzer = try #require(result.lines.first { $0.hasPrefix("lexicon-sentiment@") }, "\(result)")
            #expect(analyzer.split(separator: " ").dropFirst().prefix(5) == ["2", "0", "0", "0", "0"], "\(result)")
            let misplaced = try await auraRPC(["plugins", "unload", "x@1", "--stats", "--addr", server.address])
            #expect(misplaced.status != 0, "\(misplaced)")
        }
    }
}
