import AuraMessages
import AuraPluginHost
import AuraSentiment
import Glibc
import TestSupport
import Testing

/// The result cache's bound is a promise about real memory: filled with unique texts until it
/// evicts, the process's resident size grows by about the bound, not several times it.
@Suite(.serialized) struct ResultCacheMemoryTests {
    /// Smaller than the server's default of 64 MiB to keep the test short; aura-bench's memory
    /// group measures the server at 64 MiB.
    static let bound = 32 << 20

    @Test func aFullCacheHoldsAboutItsBoundInResidentMemory() async throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"))
        // The production analyzer's name: an id long enough to live on the heap.
        try registry.load(path: fixtures.analyzer(name: "lexicon-sentiment", version: "1.0.0"))
        let before = try #require(Self.residentBytes())
        let cache = ResultCache<SentimentResult>(maxBytes: Self.bound)
        let engine = SentimentEngine(
            plugins: registry, cache: cache, deadLetters: DeadLetterQueue(capacity: 1), redaction: Redaction(hashKey: Array(repeating: 7, count: 32)))
        // Fill until the cache has evicted as many entries as it holds: its size is then steady.
        var texts = 0
        repeat {
            texts += 1
            _ = try await engine.analyze("a fine day number \(texts)", options: AnalyzeOptions(), method: "test")
        } while texts < 2 * cache.stats.entries
        let grown = try #require(Self.residentBytes()) - before
        let stats = cache.stats
        #expect(stats.bytes <= Self.bound)
        // The slack covers the tests running beside this one in the process; the old per-entry
        // estimate grew RSS by about twice the bound here (and 4.4 times in the server).
        #expect(
            grown < Self.bound + 16 << 20,
            "RSS grew by \(grown >> 20) MiB for a cache of \(Self.bound >> 20) MiB (\(stats.entries) entries, \(grown / max(1, stats.entries)) bytes each)")
        let hit = try await engine.analyze("a fine day number \(texts)", options: AnalyzeOptions(), method: "test")
        #expect(hit.cached && hit.analyzer == "lexicon-sentiment@1.0.0", "entries are stored without the id; hits get it back")
    }

    /// Resident memory from /proc/self/statm (its second field counts resident pages), in bytes.
    static func residentBytes() -> Int? {
        guard let file = fopen("/proc/self/statm", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        guard fgets(&line, Int32(line.count), file) != nil else { return nil }
        let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fields = text.split(separator: " ")
        guard fields.count >= 2, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
