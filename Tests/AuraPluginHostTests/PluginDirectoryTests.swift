import AuraPluginHost
import AuraWire
import Foundation
import TestSupport
import Synchronization
import Testing

@Suite struct PluginDirectoryTests {
    @Test func loadsEveryPluginAtStartRefusesBadFilesAndLoadsNewOnesDroppedIn() async throws {
        let fixtures = try PluginFixtures()
        let watched = fixtures.directory + "/watched"
        try FileManager.default.createDirectory(atPath: watched, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: try fixtures.analyzer(version: "1.0.0"), toPath: watched + "/a.so")
        try "junk".write(toFile: watched + "/junk.so", atomically: true, encoding: .utf8)
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"))
        let lines = Mutex<[String]>([])
        let directory = PluginDirectory(path: watched, registry: registry, log: { line in lines.withLock { $0.append(line) } })
        directory.loadAll()
        #expect(registry.list().map(\.info.id) == ["fixture@1.0.0"])
        #expect(lines.withLock { $0.contains { $0.contains("refused junk.so") } })

        directory.startWatching()
        defer { directory.stop() }
        let v2 = try fixtures.analyzer(version: "2.0.0", label: 1)
        // Copy in under a temporary name, then rename: the watch sees IN_MOVED_TO of a whole file.
        try FileManager.default.copyItem(atPath: v2, toPath: watched + "/.b.tmp")
        try FileManager.default.moveItem(atPath: watched + "/.b.tmp", toPath: watched + "/b.so")
        let deadline = ContinuousClock.now + .seconds(5)
        while ContinuousClock.now < deadline, (try? registry.plugin(.analyzer).info.id) != "fixture@2.0.0" {
            try await Task.sleep(for: .milliseconds(10))
        }
        #expect(try registry.plugin(.analyzer).info.id == "fixture@2.0.0")
    }

    @Test func aPluginGetsItsConfigFromTheJSONFileBesideIt() throws {
        let fixtures = try PluginFixtures()
        let folder = fixtures.directory + "/configured"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let needsConfig = try fixtures.build("needs-config", defines: ["FIXTURE_REQUIRES_CONFIG": "1", "FIXTURE_VERSION": "\"1.0.0\""])
        try FileManager.default.copyItem(atPath: needsConfig, toPath: folder + "/with.so")
        try FileManager.default.copyItem(atPath: needsConfig, toPath: folder + "/without.so")
        try #"{"keywords": ["x"]}"#.write(toFile: folder + "/with.json", atomically: true, encoding: .utf8)
        let lines = Mutex<[String]>([])
        let log: @Sendable (String) -> Void = { line in lines.withLock { $0.append(line) } }
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"), log: log)
        PluginDirectory(path: folder, registry: registry, log: log).loadAll()
        #expect(registry.list().map(\.info.id) == ["fixture@1.0.0"])
        #expect(lines.withLock { $0.contains { $0.contains("loaded analyzer fixture@1.0.0 from \(folder)/with.so") } })
        #expect(lines.withLock { $0.contains { $0.contains("refused without.so") && $0.contains("needs a config") } })
    }
}
