import AuraAbuse
import AuraClient
import AuraCrashHarness
import AuraMessages
import Foundation
import TestSupport
import Testing

/// The result cache's bound is a promise about real memory: a server whose cache is filled with
/// unique texts until it evicts grows its resident size by about the bound, not several times
/// it. Measured on an aura-server child process, so tests running beside this one do not blur
/// its RSS.
@Suite(.timeLimit(.minutes(3))) struct ResultCacheMemoryTests {
    /// Smaller than the server's default of 64 MiB to keep the test short; aura-bench's memory
    /// group measures the server at 64 MiB.
    static let boundMegabytes = 16

    @Test func aFullCacheHoldsAboutItsBoundInResidentMemory() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aura-cache-rss-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try await ServerChild.start(
            binary: try Binaries.path(of: "aura-server"), dataDirectory: directory,
            arguments: ["--cache-mb", "\(Self.boundMegabytes)", "--loops", "1"])
        let outcome: Result<(grown: Int, stats: AnalyzerStats), any Error>
        do {
            outcome = .success(try await Self.fill(server))
        } catch {
            outcome = .failure(error)
        }
        #expect(await server.stop())
        let (grown, stats) = try outcome.get()
        let bound = Self.boundMegabytes << 20
        #expect(stats.cacheBytes <= UInt64(bound))
        // The old per-entry estimate grew RSS by 2 to 4.4 times the bound.
        #expect(
            grown < bound + 8 << 20,
            "RSS grew by \(grown >> 20) MiB for a cache of \(Self.boundMegabytes) MiB (\(stats.cacheEntries) entries)")
    }

    /// Fills the server's cache until it has evicted as many entries as it holds (its size is
    /// then steady) and returns how much its RSS grew meanwhile, and its cache figures.
    static func fill(_ server: ServerChild) async throws -> (grown: Int, stats: AnalyzerStats) {
        let client = AuraClient(address: server.address, configuration: server.clientConfiguration)
        try await analyze(client, texts: 0..<2_000)  // warm: connection buffers, plugin state
        let memory = ServerMemory(pid: server.process.processIdentifier)
        let before = memory.resident
        try #require(before > 0, "the server's /proc/PID/status cannot be read")
        var texts = 2_000
        var stats = AnalyzerStats()
        repeat {
            try await analyze(client, texts: texts..<texts + 20_000)
            texts += 20_000
            stats = try await client.unary("aura.Sentiment/Stats", Empty(), as: AnalyzerStats.self)
        } while UInt64(texts) < 2 * stats.cacheEntries + 2_000
        let grown = memory.resident - before
        await client.close()
        return (grown, stats)
    }

    /// Analyzes the texts "a fine day number N" for N in `range`, 64 in flight.
    static func analyze(_ client: AuraClient, texts range: Range<Int>) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for lane in 0..<64 {
                group.addTask {
                    for number in stride(from: range.lowerBound + lane, to: range.upperBound, by: 64) {
                        _ = try await client.unary(
                            "aura.Sentiment/Analyze", AnalyzeRequest(text: "a fine day number \(number)"), as: SentimentResult.self)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
