import AuraPluginHost
import AuraWire
import TestSupport
import Synchronization
import Testing

@Suite struct PluginRegistryTests {
    let fixtures: PluginFixtures
    let registry: PluginRegistry

    init() throws {
        fixtures = try PluginFixtures()
        registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"))
    }

    private func verdict(_ id: String? = nil) throws -> Sentiment {
        let plugin = try registry.plugin(.analyzer, id: id)
        return try plugin.analyze("text").sentiment
    }

    @Test func firstPluginOfAKindBecomesActiveAndNewerVersionsTakeOver() throws {
        #expect(try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0)).isActive)
        #expect(try registry.load(path: fixtures.analyzer(version: "1.10.0", label: 1)).isActive)
        #expect(try registry.load(path: fixtures.analyzer(version: "1.9.0", label: 2)).isActive == false)
        #expect(try verdict() == .negative)
        #expect(try verdict("fixture@1.9.0") == .neutral)
    }

    @Test func activateAndUnloadFollowTheRules() throws {
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        try registry.load(path: fixtures.analyzer(version: "2.0.0", label: 1), activate: false)
        #expect(try verdict() == .positive)
        try registry.activate("fixture@2.0.0")
        #expect(try verdict() == .negative)
        let busy = #expect(throws: RPCError.self) { try registry.unload("fixture@2.0.0") }
        #expect(busy?.code == .failedPrecondition)
        try registry.unload("fixture@1.0.0")
        #expect(registry.list().map(\.info.id) == ["fixture@2.0.0"])
        let missing = #expect(throws: RPCError.self) { try registry.activate("fixture@9.9.9") }
        #expect(missing?.code == .notFound)
    }

    @Test func askingForAMissingKindOrTheWrongKindIsAClearError() throws {
        let none = #expect(throws: RPCError.self) { _ = try registry.plugin(.redactor) }
        #expect(none?.code == .failedPrecondition)
        try registry.load(path: fixtures.redactor())
        let wrong = #expect(throws: RPCError.self) { _ = try registry.plugin(.analyzer, id: "fixture-redactor@1.0.0") }
        #expect(wrong?.code == .invalidArgument)
    }

    /// Calls run continuously on four threads while versions are loaded, activated and
    /// unloaded: every call succeeds, and once v2 is active, new calls see v2.
    @Test func hotSwapUnderLoadLosesNoCall() async throws {
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        let v2 = try fixtures.analyzer(version: "2.0.0", label: 1)
        let v3 = try fixtures.analyzer(version: "3.0.0", label: 0)
        let counters = Counters()
        let registry = registry
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    while !counters.stop.load(ordering: .relaxed) {
                        do {
                            let plugin = try registry.plugin(.analyzer)
                            _ = try plugin.analyze("text")
                            counters.calls.increment()
                        } catch {
                            counters.failures.add(1, ordering: .relaxed)
                        }
                        await Task.yield()  // the cooperative pool has as many threads as cores
                    }
                }
            }
            // Calls happen between every two swaps: wait for one after each (an event, not a sleep).
            let before = counters.calls.count
            for _ in 0..<10 {
                try registry.load(path: v2, activate: true)
                try await counters.callAfterThis()
                try registry.unload("fixture@1.0.0")
                try registry.load(path: v3, activate: true)
                try await counters.callAfterThis()
                try registry.unload("fixture@2.0.0")
                try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0), activate: true)
                try await counters.callAfterThis()
                try registry.unload("fixture@3.0.0")
            }
            #expect(counters.calls.count > before)
            try registry.load(path: v2, activate: true)
            #expect(try verdict() == .negative)
            try await counters.callAfterThis()
            counters.stop.store(true, ordering: .relaxed)
            try await group.waitForAll()
        }
        #expect(counters.failures.load(ordering: .relaxed) == 0)
        #expect(counters.calls.count > 0)
    }

    final class Counters: Sendable {
        let stop = Atomic<Bool>(false)
        let failures = Atomic<Int>(0)
        let calls = EventCounter()

        /// Returns once a call has completed after this point.
        func callAfterThis() async throws { try await calls.waitUntil(atLeast: calls.count + 1) }
    }

    @Test func anAnalyzerAndARedactorCannotShareAnID() throws {
        try registry.load(path: fixtures.analyzer(name: "same", version: "1.0.0"))
        let clash = try fixtures.build("same-redactor", defines: ["FIXTURE_NAME": "\"same\"", "FIXTURE_VERSION": "\"1.0.0\"", "FIXTURE_KIND": "2"])
        let error = #expect(throws: RPCError.self) { try registry.load(path: clash) }
        #expect(error?.code == .alreadyExists)
        #expect(try registry.plugin(.analyzer).info.id == "same@1.0.0")
    }
}
