import Foundation
import Testing
import TestSupport

/// Process isolation end to end: a plugin loaded with `--isolation process` into a real
/// aura-server segfaults; the server answers UNAVAILABLE, logs the signal, restarts the worker
/// (found next to aura-server) and serves again.
@Suite struct ProcessIsolationCommandTests {
    @Test func aCrashingIsolatedPluginLeavesTheServerUp() async throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let plugin = try fixtures.misbehavingAnalyzer(name: "flaky", version: "1.0.0", label: 1)
        try await withServer(plugins: ["LexiconSentiment"]) { server in
            let load = try await auraRPC(["plugins", "load", plugin, "--isolation", "process", "--activate", "--addr", server.address])
            #expect(load.status == 0 && load.stdout.contains("  active,process  "), "\(load)")
            let crash = try await auraRPC(["analyze", "crash", "--addr", server.address])
            #expect(crash.status == 14 && crash.stderr.contains("UNAVAILABLE"), "\(crash)")
            #expect(await server.waitForError(containing: "plugins: the worker of flaky@1.0.0 restarted"), "\(server.errorOutput)")
            #expect(server.errorOutput.contains("signal SIGSEGV"), "\(server.errorOutput)")
            let fine = try await auraRPC(["analyze", "fine", "--addr", server.address])
            #expect(fine.status == 0 && fine.stdout.hasPrefix("NEGATIVE"), "\(fine)")
            let bad = try await auraRPC(["plugins", "load", plugin, "--isolation", "sandbox", "--addr", server.address])
            #expect(bad.status == 64, "\(bad)")
        }
    }
}
