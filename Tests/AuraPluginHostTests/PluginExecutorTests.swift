import AuraCore
import AuraPluginHost
import TestSupport
import Testing

/// Plugin calls on the plugin's own workers: a held call occupies only its plugin, a full queue
/// is refused, a caller that gives up resumes at once and is counted.
@Suite struct PluginExecutorTests {
    let fixtures: PluginFixtures
    let loader: PluginLoader

    init() throws {
        fixtures = try PluginFixtures()
        loader = PluginLoader(runDirectory: fixtures.directory + "/run")
    }

    private func unruly(_ limits: PluginLimits = PluginLimits()) throws -> Plugin {
        let loaded = try loader.load(path: fixtures.unruly(), config: fixtures.directory)
        return Plugin(info: loaded.info, generation: loaded.generation, instance: loaded.instance, limits: limits)
    }

    @Test func aHeldPluginDelaysOnlyItsOwnCallers() async throws {
        defer { fixtures.remove() }
        let slow = try unruly(PluginLimits(threads: 1))
        let other = try loader.load(path: fixtures.analyzer(version: "1.0.0"))
        let gate = try fixtures.gate("held")
        let held = Task { try await slow.analysis(of: "hold:held") }
        await gate.entered()
        #expect(try await other.analysis(of: "fine").sentiment == .positive)  // another plugin's workers answer
        gate.release()
        #expect(try await held.value.sentiment == .neutral)
        #expect(slow.stats.snapshot.calls == 1)
    }

    @Test func aFullQueueIsRefusedWithResourceExhausted() async throws {
        defer { fixtures.remove() }
        let plugin = try unruly(PluginLimits(threads: 1, queueCapacity: 1))
        let gate = try fixtures.gate("busy")
        let held = Task { try await plugin.analysis(of: "hold:busy") }
        await gate.entered()
        // The worker is busy: of two more calls one takes the only queue slot, the other is
        // refused at once, so it is the first to finish; the queued one ends after the release.
        let (refused, queued) = await withTaskGroup(of: RPCError?.self) { group in
            for text in ["a", "b"] {
                group.addTask {
                    do throws(RPCError) {
                        _ = try await plugin.analysis(of: text)
                        return nil
                    } catch {
                        return error
                    }
                }
            }
            let refused = await group.next() ?? nil
            gate.release()
            return (refused, await group.next() ?? nil)
        }
        _ = try await held.value
        #expect(queued == nil)
        #expect(refused?.code == .resourceExhausted)
        #expect(refused?.message.contains("unruly@1.0.0 is busy") == true)
        #expect(plugin.stats.snapshot.rejected == 1)
    }
    @Test func aCallerThatGivesUpResumesAtOnceAndTheStuckCallIsCounted() async throws {
        defer { fixtures.remove() }
        let plugin = try unruly(PluginLimits(threads: 1))
        let gate = try fixtures.gate("stuck")
        let abandoned = Task { try await plugin.analysis(of: "hold:stuck") }
        await gate.entered()
        abandoned.cancel()
        let error = await #expect(throws: RPCError.self) { try await abandoned.value }
        #expect(error?.code == .cancelled)
        #expect(plugin.stats.snapshot.timeouts == 1)  // counted while the plugin is still stuck
        gate.release()
        #expect(try await plugin.analysis(of: "after").sentiment == .neutral)  // the worker came back
    }

    @Test func aCallWhoseCallerGaveUpWhileQueuedNeverRuns() async throws {
        defer { fixtures.remove() }
        let plugin = try unruly(PluginLimits(threads: 1))
        let gate = try fixtures.gate("first")
        let held = Task { try await plugin.analysis(of: "hold:first") }
        await gate.entered()
        let queued = Task { try await plugin.analysis(of: "code:13") }
        queued.cancel()
        await #expect(throws: RPCError.self) { try await queued.value }
        gate.release()
        _ = try await held.value
        _ = try await plugin.analysis(of: "last")  // runs after the cancelled one would have
        let stats = plugin.stats.snapshot
        #expect(stats.failures == 0)  // "code:13" never ran
        #expect(stats.calls == 2)
        #expect(stats.timeouts == 1)
    }

    @Test func anInlinePluginRunsSingleCallsAndSmallBatchesOnTheCallersThread() async throws {
        defer { fixtures.remove() }
        let plugin = try unruly(PluginLimits(runsInline: true))
        #expect(try await plugin.analysis(of: "fine").sentiment == .neutral)
        #expect(try await plugin.analyses(of: ["a", "code:3"]).map { (try? $0.get()) != nil } == [true, false])
        #expect(plugin.stats.snapshot.calls == 3)
        #expect(plugin.stats.snapshot.failures == 1)
    }
}
