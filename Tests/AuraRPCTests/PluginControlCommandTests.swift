import Foundation
import TestSupport
import Testing

/// The loader's refusals and model control through a real `aura-server` child process and
/// `aura-rpc plugins`: bad files in the plugin folder, pins, rollback, and a restart.
@Suite struct PluginControlCommandTests {
    /// A plugin folder with a good analyzer and bad files (truncated, NULL create, NULL destroy,
    /// junk): the server starts, serves with the good one, logs each refusal, and does so again
    /// after a restart.
    @Test func badFilesInThePluginFolderAreSkippedAtEveryStart() async throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let good = try fixtures.analyzer(version: "1.0.0", label: 1)
        let size = try Data(contentsOf: URL(fileURLWithPath: good)).count
        let bad = [
            try fixtures.truncated(good, to: size / 2, name: "truncated.so"),
            try fixtures.build("null-create", defines: ["FIXTURE_NULL_CREATE": "1", "FIXTURE_NAME": "\"nc\""]),
            try fixtures.build("null-destroy", defines: ["FIXTURE_NULL_DESTROY": "1", "FIXTURE_NAME": "\"nd\""]),
            try fixtures.file("junk.so", contents: "not a library"),
        ]
        let data = URL(fileURLWithPath: fixtures.directory).appendingPathComponent("data")
        for start in 0..<2 {
            let server = try await ServerProcess.start(pluginFiles: [good] + bad, dataDirectory: data)
            defer { server.stop() }
            let analysis = try await auraRPC(["analyze", "fine", "--json"], on: server)
            #expect(analysis.status == 0, "start \(start): \(analysis)")
            #expect(analysis.stdout.contains(#""analyzer":"fixture@1.0.0""#), "start \(start): \(analysis)")
            #expect(analysis.stdout.contains(#""sentiment":"NEGATIVE""#), "start \(start): \(analysis)")
            for name in ["truncated.so", "null-create.so", "null-destroy.so", "junk.so"] {
                #expect(await server.waitForError(containing: "plugins: refused \(name), skipped: "), "start \(start): \(server.errorOutput)")
            }
            #expect(server.errorOutput.contains("refused before loading"), "\(server.errorOutput)")
            #expect(server.errorOutput.contains("create function is NULL"), "\(server.errorOutput)")
        }
    }

    /// A plugin whose create() aborts kills the server once; the next start skips it (no
    /// crash loop) and serves with the rest.
    @Test func aPluginThatKillsTheServerWhileLoadingIsSkippedAtTheNextStart() async throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let good = try fixtures.analyzer(version: "1.0.0")
        let aborts = try fixtures.build("aborts", defines: ["FIXTURE_CREATE_ABORTS": "1", "FIXTURE_NAME": "\"aborts\""])
        let data = URL(fileURLWithPath: fixtures.directory).appendingPathComponent("data")
        let folder = data.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for file in [good, aborts] {
            try FileManager.default.copyItem(atPath: file, toPath: folder.appendingPathComponent(URL(fileURLWithPath: file).lastPathComponent).path)
        }
        let crashed = try await runProcess(
            try Binaries.path(of: "aura-server"), ["--addr", "127.0.0.1:0", "--data-dir", data.path, "--loops", "1", "--plugins", folder.path])
        #expect(crashed.status != 0 && !crashed.timedOut && crashed.stdout.isEmpty, "it died loading aborts.so: \(crashed)")

        let server = try await ServerProcess.start(pluginFiles: [good, aborts], dataDirectory: data)
        defer { server.stop() }
        let analysis = try await auraRPC(["analyze", "fine", "--json"], on: server)
        #expect(analysis.stdout.contains(#""analyzer":"fixture@1.0.0""#), "\(analysis)")
        #expect(await server.waitForError(containing: "plugins: refused aborts.so, skipped: "), "\(server.errorOutput)")
        #expect(server.errorOutput.contains("skipped until loaded by hand"), "\(server.errorOutput)")
    }

    /// Load without activating, activate, roll back, pin and a replace refusal through the
    /// CLI; a restart on the same data directory brings back the loaded set, the active choice
    /// and the pin.
    @Test func modelControlThroughTheCLISurvivesARestart() async throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let v1 = try fixtures.analyzer(version: "1.0.0", label: 0)
        let v2 = try fixtures.analyzer(version: "2.0.0", label: 1)
        let rebuilt = try fixtures.build("rebuilt", defines: ["FIXTURE_VERSION": "\"2.0.0\"", "FIXTURE_LABEL": "2"])
        let data = URL(fileURLWithPath: fixtures.directory).appendingPathComponent("data")
        do {
            let server = try await ServerProcess.start(pluginFiles: [v1], dataDirectory: data)
            defer { server.stop() }
            let loaded = try await auraRPC(["plugins", "load", v2, "--inactive"], on: server)
            #expect(loaded.status == 0 && loaded.stdout.contains("fixture@2.0.0  inactive"), "\(loaded)")
            let clash = try await auraRPC(["plugins", "load", rebuilt], on: server)
            #expect(clash.status == 6 && clash.stderr.contains("ALREADY_EXISTS: fixture@2.0.0 is loaded already from other bytes"), "\(clash)")
            #expect(try await auraRPC(["plugins", "activate", "fixture@2.0.0"], on: server).status == 0)
            let back = try await auraRPC(["plugins", "rollback", "analyzer"], on: server)
            #expect(back.status == 0 && back.stdout.contains("fixture@1.0.0  active"), "\(back)")
            let pinned = try await auraRPC(["plugins", "pin", "fixture", "1.0.0"], on: server)
            #expect(pinned.stdout == "pinned fixture to 1.0.0\n", "\(pinned)")
            let refused = try await auraRPC(["plugins", "activate", "fixture@2.0.0"], on: server)
            #expect(refused.status == 9 && refused.stderr.contains("pinned to 1.0.0"), "\(refused)")
            #expect(await server.waitForError(containing: "plugins: pinned fixture to 1.0.0"), "\(server.errorOutput)")
            #expect(server.errorOutput.contains("plugins: rolled back the analyzer to fixture@1.0.0 (was fixture@2.0.0)"))
        }
        let server = try await ServerProcess.start(pluginFiles: [v1], dataDirectory: data)
        defer { server.stop() }
        let list = try await auraRPC(["plugins", "list"], on: server)
        let sha = try await sha256sum(v2)
        #expect(list.lines.contains { $0.hasPrefix("analyzer  fixture@1.0.0  active  ") }, "\(list)")
        #expect(list.lines.contains { $0.hasPrefix("analyzer  fixture@2.0.0  inactive") && $0.contains("sha256:\(sha)  \(v2)") }, "\(list)")
        #expect(list.lines.last == "pinned  fixture@1.0.0", "\(list)")
        let analysis = try await auraRPC(["analyze", "fine", "--json"], on: server)
        #expect(analysis.stdout.contains(#""analyzer":"fixture@1.0.0""#), "\(analysis)")
    }
}
