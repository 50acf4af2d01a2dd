import AuraClient
import AuraConformance
import AuraMessages
import AuraSentiment
import AuraWire
import Synchronization
import Testing

@Suite struct SentimentServiceTests {
    @Test func analyzeAnswersAndNamesThePluginThenServesFromTheCache() async throws {
        try await SentimentServer.run { harness in
            let first = try await harness.client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: "lovely"), as: SentimentResult.self)
            #expect(first.sentiment.name == "POSITIVE")
            #expect(first.analyzer == "fixture@1.0.0")
            #expect(first.language == "en")
            #expect(first.cached == false)
            let second = try await harness.client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: " lovely\n"), as: SentimentResult.self)
            #expect(second.cached)
            let stats = try await harness.client.unary("aura.Sentiment/Stats", Empty(), as: AnalyzerStats.self)
            #expect(stats.cacheHits == 1)
            #expect(stats.cacheMisses == 1)
        }
    }

    @Test func badTextsAreInvalidArgumentAndPluginFailuresInternalWithADeadLetter() async throws {
        try await SentimentServer.run { harness in
            let tooLong = String(repeating: "a", count: 5_001)
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: tooLong), as: SentimentResult.self)
            }
            #expect(error?.code == .invalidArgument)
            let failure = await #expect(throws: RPCError.self) {
                _ = try await harness.client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: "boom"), as: SentimentResult.self)
            }
            #expect(failure?.code == .internal)
            let letters = try await harness.client.unary("aura.DeadLetters/List", ListDeadLettersRequest(), as: DeadLetterList.self)
            #expect(letters.letters.map(\.method) == ["aura.Sentiment/Analyze"])
            #expect(letters.letters.first?.code == 13)
            #expect(failure?.message.contains(letters.letters.first?.requestId ?? "?") == true)
        }
    }

    @Test func aTextThatIsNotUTF8IsInvalidArgumentNamingTheField() async throws {
        try await SentimentServer.run { harness in
            var writer = ProtoWriter()
            [0x61, 0x62, 0xff, 0x63].withUnsafeBytes { writer.writeBytes(field: 1, $0) }
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.unary("aura.Sentiment/Analyze", RawMessage(bytes: writer.buffer), as: SentimentResult.self)
            }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("field 1 is not valid UTF-8") == true, "\(error?.message ?? "")")
        }
    }

    @Test func batchGivesPerItemResultsAndErrorsAndRefusesMoreThan25() async throws {
        try await SentimentServer.run { harness in
            let reply = try await harness.client.unary(
                "aura.Sentiment/AnalyzeBatch", AnalyzeBatchRequest(texts: ["good", "boom", "", "fine"]), as: AnalyzeBatchResponse.self)
            #expect(reply.results.map(\.index) == [0, 1, 2, 3])
            #expect(reply.results.map { $0.error.code } == [0, 13, 3, 0])
            #expect(reply.results[3].result.sentiment.name == "POSITIVE")
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.unary(
                    "aura.Sentiment/AnalyzeBatch", AnalyzeBatchRequest(texts: Array(repeating: "x", count: 26)), as: AnalyzeBatchResponse.self)
            }
            #expect(error?.code == .invalidArgument)
        }
    }

    @Test func streamAnswersInOrderAndAnItemErrorDoesNotEndTheSession() async throws {
        try await SentimentServer.run { harness in
            let call: RPCCall<AnalyzeRequest, ItemResult> = try await harness.client.makeCall("aura.Sentiment/AnalyzeStream")
            for text in ["one", "boom", "three"] + (0..<50).map({ "text \($0)" }) { try await call.send(AnalyzeRequest(text: text)) }
            await call.closeSend()
            var items: [ItemResult] = []
            for try await item in call.responses { items.append(item) }
            #expect(items.map(\.index) == Array(0..<53))
            #expect(items[1].error.code == 13)
            #expect(items[2].result.sentiment.name == "POSITIVE")
        }
    }

    @Test func privacyDetectsAndRedacts() async throws {
        try await SentimentServer.run { harness in
            let found = try await harness.client.unary("aura.Privacy/DetectPii", DetectPiiRequest(text: "😀 my secret"), as: DetectPiiResponse.self)
            #expect(found.entities == [PiiEntity(type: "SECRET", beginOffset: 5, endOffset: 11, score: 1)])
            #expect(found.redactor == "fixture-redactor@1.0.0")
            let replaced = try await harness.client.unary("aura.Privacy/Redact", RedactRequest(text: "a secret b"), as: RedactResponse.self)
            #expect(replaced.redactedText == "a [SECRET] b")
            let masked = try await harness.client.unary("aura.Privacy/Redact", RedactRequest(text: "a secret b", mode: .mask), as: RedactResponse.self)
            #expect(masked.redactedText == "a ****** b")
            let hashed = try await harness.client.unary("aura.Privacy/Redact", RedactRequest(text: "secret secret", mode: .hash), as: RedactResponse.self)
            let tokens = hashed.redactedText.split(separator: " ")
            #expect(tokens.count == 2 && tokens[0] == tokens[1] && tokens[0].hasPrefix("[SECRET:"))
            let filtered = try await harness.client.unary("aura.Privacy/Redact", RedactRequest(text: "a secret", types: ["EMAIL"]), as: RedactResponse.self)
            #expect(filtered.redactedText == "a secret")
        }
    }

    /// Analyze calls run continuously over RPC while plugin versions are loaded, activated and
    /// unloaded through the admin service: every call succeeds, and results switch to the new
    /// version.
    @Test func hotSwapUnderLoadOverRPC() async throws {
        try await SentimentServer.run { harness in
            let v2 = try harness.fixtures.analyzer(version: "2.0.0", label: 1)
            let v1 = try harness.fixtures.analyzer(version: "1.0.0", label: 0)
            let client = harness.client
            let stop = Counter()
            let results = try await withThrowingTaskGroup(of: [String].self) { group in
                for worker in 0..<8 {
                    group.addTask {
                        var seen: [String] = []
                        var index = 0
                        // Until a call that started after the last swap has answered.
                        while true {
                            index += 1
                            let afterLastSwap = stop.isSet
                            let result = try await client.unary(
                                "aura.Sentiment/Analyze", AnalyzeRequest(text: "text \(worker) \(index)"), as: SentimentResult.self)
                            if seen.last != result.analyzer { seen.append(result.analyzer) }
                            if afterLastSwap { break }
                        }
                        return seen
                    }
                }
                for _ in 0..<5 {
                    _ = try await client.unary("aura.Plugins/Load", LoadPluginRequest(path: v2, activate: true), as: AuraMessages.PluginInfo.self)
                    _ = try await client.unary("aura.Plugins/Unload", PluginRef(id: "fixture@1.0.0"), as: Empty.self)
                    try await Task.sleep(for: .milliseconds(5))
                    _ = try await client.unary("aura.Plugins/Load", LoadPluginRequest(path: v1, activate: true), as: AuraMessages.PluginInfo.self)
                    _ = try await client.unary("aura.Plugins/Unload", PluginRef(id: "fixture@2.0.0"), as: Empty.self)
                    try await Task.sleep(for: .milliseconds(5))
                }
                _ = try await client.unary("aura.Plugins/Load", LoadPluginRequest(path: v2, activate: true), as: AuraMessages.PluginInfo.self)
                stop.set()
                var all: [[String]] = []
                for try await seen in group { all.append(seen) }
                return all
            }
            #expect(results.allSatisfy { $0.last == "fixture@2.0.0" })
            let after = try await client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: "after the swap"), as: SentimentResult.self)
            #expect(after.analyzer == "fixture@2.0.0")
            #expect(after.sentiment.name == "NEGATIVE")
            let list = try await client.unary("aura.Plugins/List", Empty(), as: PluginList.self)
            #expect(list.plugins.filter(\.active).map(\.id).sorted() == ["fixture-redactor@1.0.0", "fixture@2.0.0"])
        }
    }

    final class Counter: Sendable {
        private let flag = Atomic<Bool>(false)
        var isSet: Bool { flag.load(ordering: .relaxed) }
        func set() { flag.store(true, ordering: .relaxed) }
    }
}
