import AuraClient
import AuraMessages
import AuraSentiment
import AuraWire
import Testing

/// Through a real server: a held plugin call occupies only its plugin's workers (health and
/// other plugins keep answering on the same connection, hence the same event loop), a call past
/// its deadline answers DEADLINE_EXCEEDED while the plugin is still stuck, and what a plugin
/// returns is checked before the client sees it.
@Suite struct PluginThreadingServerTests {
    private func loadUnruly(_ harness: SentimentServer, redactor: Bool = false) throws {
        try harness.engine.plugins.load(
            path: harness.fixtures.unruly(name: redactor ? "unruly-redactor" : "unruly", redactor: redactor),
            config: harness.fixtures.directory, activate: false)
    }

    private func analyze(_ harness: SentimentServer, _ text: String, analyzer: String = "", timeout: Duration? = nil) async throws -> SentimentResult {
        try await harness.client.unary(
            "aura.Sentiment/Analyze", AnalyzeRequest(text: text, options: AnalyzeOptions(analyzer: analyzer)), as: SentimentResult.self,
            options: CallOptions(timeout: timeout))
    }

    @Test func aHeldPluginDelaysNeitherHealthNorAnotherPlugin() async throws {
        try await SentimentServer.run { harness in
            try loadUnruly(harness)
            let gate = try harness.fixtures.gate("held")
            let held = Task { try await analyze(harness, "hold:held", analyzer: "unruly@1.0.0") }
            await gate.entered()
            let health = try await harness.client.unary("aura.Health/Check", HealthCheckRequest(), as: HealthCheckResponse.self)
            #expect(health.status == .serving)
            #expect(try await analyze(harness, "lovely").analyzer == "fixture@1.0.0")
            gate.release()
            #expect(try await held.value.analyzer == "unruly@1.0.0")
        }
    }

    @Test func aStuckCallAnswersDeadlineExceededAndTheServerGoesOn() async throws {
        try await SentimentServer.run { harness in
            try loadUnruly(harness)
            let gate = try harness.fixtures.gate("stuck")
            let entered = Task { await gate.entered() }
            let error = await #expect(throws: RPCError.self) {
                _ = try await analyze(harness, "hold:stuck", analyzer: "unruly@1.0.0", timeout: .milliseconds(200))
            }
            #expect(error?.code == .deadlineExceeded)
            await entered.value
            #expect(try await analyze(harness, "still answering").analyzer == "fixture@1.0.0")  // the plugin is still stuck
            gate.release()
        }
    }

    @Test func anInvalidResultIsInternalNamingThePluginWithADeadLetter() async throws {
        try await SentimentServer.run { harness in
            try loadUnruly(harness)
            let error = await #expect(throws: RPCError.self) { _ = try await analyze(harness, "nan", analyzer: "unruly@1.0.0") }
            #expect(error?.code == .internal)
            #expect(error?.message.contains("unruly@1.0.0 returned an invalid result") == true, "\(error?.message ?? "")")
            let letters = try await harness.client.unary("aura.DeadLetters/List", ListDeadLettersRequest(), as: DeadLetterList.self)
            #expect(letters.letters.first?.error.contains("unruly@1.0.0") == true)
        }
    }

    @Test func aPluginsOwnStatusCodeReachesTheClient() async throws {
        try await SentimentServer.run { harness in
            try loadUnruly(harness)
            let error = await #expect(throws: RPCError.self) { _ = try await analyze(harness, "code:8", analyzer: "unruly@1.0.0") }
            #expect(error?.code == .resourceExhausted)
            let other = await #expect(throws: RPCError.self) { _ = try await analyze(harness, "code:77", analyzer: "unruly@1.0.0") }
            #expect(other?.code == .internal)
        }
    }

    @Test func aRedactionWithABogusOffsetFailsClosed() async throws {
        try await SentimentServer.run { harness in
            try loadUnruly(harness, redactor: true)
            let request = RedactRequest(text: "past the end of this text", redactor: "unruly-redactor@1.0.0")
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.unary("aura.Privacy/Redact", request, as: RedactResponse.self)
            }
            #expect(error?.code == .internal)
            #expect(error?.message.contains("past the text's") == true, "\(error?.message ?? "")")
        }
    }

    @Test func pluginsListCarriesEachPluginsFigures() async throws {
        try await SentimentServer.run { harness in
            try loadUnruly(harness)
            _ = try await analyze(harness, "counted", analyzer: "unruly@1.0.0")
            _ = try? await analyze(harness, "label", analyzer: "unruly@1.0.0")
            let list = try await harness.client.unary("aura.Plugins/List", Empty(), as: PluginList.self)
            let stats = try #require(list.plugins.first { $0.id == "unruly@1.0.0" }?.stats)
            #expect(stats.calls == 2)
            #expect(stats.failures == 1)
            #expect(stats.timeouts == 0)
        }
    }
}
