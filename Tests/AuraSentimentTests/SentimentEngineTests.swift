import AuraBytes
import AuraMessages
import AuraPluginHost
import AuraSentiment
import AuraWire
import TestSupport
import Testing

@Suite struct SentimentEngineTests {
    let fixtures: PluginFixtures
    let engine: SentimentEngine

    init() throws {
        fixtures = try PluginFixtures()
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"))
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        try registry.load(path: fixtures.redactor())
        engine = SentimentEngine(
            plugins: registry, cache: ResultCache(maxBytes: 1 << 20), deadLetters: DeadLetterQueue(capacity: 3),
            redaction: Redaction(hashKey: Array(repeating: 7, count: 32)))
    }

    private func analyze(_ text: String, _ options: AnalyzeOptions = AnalyzeOptions()) async throws(RPCError) -> SentimentResult {
        try await engine.analyze(text, options: options, method: "test")
    }

    @Test func secondCallIsServedFromTheCacheAndOnlyWhitespaceIsNormalized() async throws {
        let first = try await analyze("Great  day")
        #expect(first.cached == false)
        #expect(first.sentiment.name == "POSITIVE")
        #expect(first.analyzer == "fixture@1.0.0")
        #expect(try await analyze("Great day").cached)
        #expect(try await analyze("  Great\tday ").cached)
        // Capitals change what an analyzer sees (emphasis): another key.
        #expect(try await analyze("GREAT day").cached == false)
        #expect(engine.stats.cacheHits == 2)
        #expect(engine.stats.cacheMisses == 2)
    }

    @Test func cachedResultsCarryThePluginIdsTheirKeyPinsDown() async throws {
        let options = AnalyzeOptions(redactPii: true)
        let first = try await analyze("my secret day", options)
        let hit = try await analyze("my secret day", options)
        #expect(hit.cached)
        #expect(hit.analyzer == first.analyzer && hit.analyzer == "fixture@1.0.0")
        #expect(hit.redactor == first.redactor && !hit.redactor.isEmpty)
        #expect(try await analyze("my secret day").redactor.isEmpty, "without redaction: no redactor, even though cached")
    }

    @Test func analysesWithoutTheCacheNeitherReadNorFillIt() async throws {
        _ = try await analyze("seen before")
        let stats = engine.stats
        for _ in 0..<3 {
            let result = try await engine.analyze("seen before", options: AnalyzeOptions(), method: "test", usesCache: false)
            #expect(result.cached == false)
            _ = try await engine.analyze("never cached", options: AnalyzeOptions(), method: "test", usesCache: false)
        }
        #expect(engine.stats == stats)
        #expect(try await analyze("never cached").cached == false)
    }

    /// A sync batch reads and fills the cache like single calls, sends only the misses to the
    /// plugin (one trip), and keeps each text's outcome apart.
    @Test func aBatchReadsAndFillsTheCacheAndSendsOnlyMissesToThePlugin() async throws {
        _ = try await analyze("seen  before")
        let analyzer = try engine.plugins.plugin(.analyzer)
        let callsBefore = analyzer.stats.snapshot.calls
        let outcomes = await engine.analyzeEach(["seen before", "new one", "", "new one"], options: AnalyzeOptions(), method: "test", usesCache: true)
        let results = outcomes.map { try? $0.get() }
        #expect(results[0]?.cached == true && results[0]?.analyzer == "fixture@1.0.0")
        #expect(results[1]?.cached == false && results[1]?.analyzer == "fixture@1.0.0")
        #expect(results[2] == nil, "an empty text fails alone")
        #expect(results[3]?.cached == false, "looked up before the batch ran")
        #expect(analyzer.stats.snapshot.calls - callsBefore == 2)
        #expect(try await analyze("new one").cached)

        let jobStats = engine.stats
        _ = await engine.analyzeEach(["seen before", "a job's record"], options: AnalyzeOptions(), method: "test")
        #expect(engine.stats == jobStats, "a job's batch leaves the cache alone")
    }

    @Test func aFileLoadedAgainUnderTheSameVersionDoesNotGetTheOldResults() async throws {
        _ = try await analyze("reloaded text")
        try engine.plugins.load(path: fixtures.analyzer(version: "1.0.0", label: 1), replace: true)
        let after = try await analyze("reloaded text")
        #expect(after.cached == false)
        #expect(after.sentiment.name == "NEGATIVE")
    }

    @Test func redactedAnalysesAreKeyedByTheExactTextSinceOffsetsDependOnIt() async throws {
        let options = AnalyzeOptions(redactPii: true)
        let first = try await analyze("a secret", options)
        let spaced = try await analyze("a  secret", options)
        #expect(spaced.cached == false)
        #expect(first.redactions.map(\.beginOffset) == [2])
        #expect(spaced.redactions.map(\.beginOffset) == [3])
    }

    @Test func aNewAnalyzerVersionNeverGetsStaleResults() async throws {
        _ = try await analyze("same text")
        try engine.plugins.load(path: fixtures.analyzer(version: "2.0.0", label: 1))
        let after = try await analyze("same text")
        #expect(after.cached == false)
        #expect(after.analyzer == "fixture@2.0.0")
        #expect(after.sentiment.name == "NEGATIVE")
        let pinned = try await analyze("same text", AnalyzeOptions(analyzer: "fixture@1.0.0"))
        #expect(pinned.cached)
        #expect(pinned.sentiment.name == "POSITIVE")
    }

    @Test func optionsArePartOfTheKey() async throws {
        _ = try await analyze("my secret plan")
        let redacted = try await analyze("my secret plan", AnalyzeOptions(redactPii: true))
        #expect(redacted.cached == false)
        #expect(redacted.redactor == "fixture-redactor@1.0.0")
        #expect(redacted.redactions.map { $0.type } == ["SECRET"])
        let hinted = try await analyze("my secret plan", AnalyzeOptions(languageHint: "fr"))
        #expect(hinted.cached == false)
    }

    @Test func textLimitsAreInvalidArgument() async {
        // Invalid UTF-8 never gets this far: the message decoder refuses it (SentimentServiceTests).
        for (text, expected) in [
            ("", "text is empty"),
            (String(repeating: "a", count: 5_001), "5001 bytes of UTF-8; the limit is 5000"),
        ] {
            let error = await #expect(throws: RPCError.self) {
                try await engine.analyze(text, options: AnalyzeOptions(), method: "test")
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
        }
        await #expect(throws: Never.self) {
            try await engine.analyze(String(repeating: "a", count: 5_000), options: AnalyzeOptions(), method: "test")
        }
    }

    @Test func pluginFailuresAnswerInternalAndLandInTheBoundedDeadLetterList() async throws {
        for index in 0..<5 {
            let error = await #expect(throws: RPCError.self) { try await analyze("boom \(index)") }
            #expect(error?.code == .internal)
            #expect(error?.message.contains("the fixture exploded") == true)
        }
        let letters = engine.deadLetters.list()
        #expect(letters.count == 3)
        #expect(letters.first?.method == "test")
        #expect(letters.first?.text == "")  // texts are not kept unless configured
        #expect(engine.stats.pluginFailures == 5)
    }

    @Test func redactionModes() throws {
        let redaction = Redaction(hashKey: Array(repeating: 1, count: 32))
        let entities = [DetectedEntity(type: "EMAIL", begin: 3, end: 8, score: 1)]
        #expect(try redaction.apply(to: "hé a@b.c!", entities: entities, mode: .replaceWithType) == "hé [EMAIL]!")
        #expect(try redaction.apply(to: "hé a@b.c!", entities: entities, mode: .mask, mask: "#") == "hé #####!")
        let hashed = try redaction.apply(to: "hé a@b.c!", entities: entities, mode: .hash)
        #expect(try hashed == redaction.apply(to: "xy a@b.c!", entities: entities, mode: .hash).replacing("xy", with: "hé"))
        #expect(try hashed != Redaction(hashKey: Array(repeating: 2, count: 32)).apply(to: "hé a@b.c!", entities: entities, mode: .hash))
        #expect(hashed.hasPrefix("hé [EMAIL:") && hashed.hasSuffix("]!"))
    }
}
