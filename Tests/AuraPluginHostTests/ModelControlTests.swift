import AuraPluginHost
import AuraWire
import Foundation
import Synchronization
import TestSupport
import Testing

/// The registry's model control with real fixture plugins: identity by bytes, replace, pins,
/// rollback, logging, and the state saved and restored across a registry restart.
@Suite struct ModelControlTests {
    let fixtures: PluginFixtures
    let lines = Lines()

    init() throws { fixtures = try PluginFixtures() }

    final class Lines: Sendable {
        let all = Mutex<[String]>([])
        func append(_ line: String) { all.withLock { $0.append(line) } }
        func contains(_ text: String) -> Bool { all.withLock { $0.contains { $0.contains(text) } } }
    }

    private func registry(saving: Bool = true) -> PluginRegistry {
        let lines = lines
        return PluginRegistry(
            loader: PluginLoader(runDirectory: fixtures.directory + "/run"),
            stateFile: saving ? PluginStateFile(path: fixtures.directory + "/plugins.json") : nil, log: { lines.append($0) })
    }

    private func verdict(_ registry: PluginRegistry) throws -> Sentiment { try registry.plugin(.analyzer).analyze("x").sentiment }

    @Test func theSameIDFromOtherBytesIsRefusedUnlessReplaced() throws {
        let registry = registry()
        let first = try fixtures.analyzer(version: "1.0.0", label: 0)
        try registry.load(path: first)
        let sameAgain = try registry.load(path: first)
        #expect(sameAgain.isActive)
        let rebuilt = try fixtures.build("rebuilt", defines: ["FIXTURE_VERSION": "\"1.0.0\"", "FIXTURE_LABEL": "1"])
        let refused = #expect(throws: RPCError.self) { try registry.load(path: rebuilt) }
        #expect(refused?.code == .alreadyExists)
        #expect(refused?.message.contains("from other bytes") == true)
        let otherConfig = #expect(throws: RPCError.self) { try registry.load(path: first, config: #"{"x": 1}"#) }
        #expect(otherConfig?.message.contains("with another config") == true)
        #expect(try verdict(registry) == .positive)

        let replaced = try registry.load(path: rebuilt, replace: true)
        #expect(replaced.isActive)
        #expect(replaced.info.sha256 != sameAgain.info.sha256)
        #expect(try verdict(registry) == .negative)
        #expect(registry.list().count == 1)
        #expect(lines.contains("loaded analyzer fixture@1.0.0 from \(rebuilt) (replacing the loaded copy), sha256 \(replaced.info.sha256), active"))
    }

    @Test func loadWithoutActivatingThenActivateAndRollBack() throws {
        let registry = registry()
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        #expect(try registry.load(path: fixtures.analyzer(version: "2.0.0", label: 1), activate: false).isActive == false)
        #expect(try verdict(registry) == .positive)
        try registry.activate("fixture@2.0.0")
        #expect(try verdict(registry) == .negative)
        let back = try registry.rollback("fixture")
        #expect(back.info.id == "fixture@1.0.0" && back.isActive)
        #expect(try verdict(registry) == .positive)
        #expect(lines.contains("activated fixture@2.0.0 (was fixture@1.0.0)"))
        #expect(lines.contains("rolled back the analyzer to fixture@1.0.0 (was fixture@2.0.0)"))
    }

    @Test func aPinHoldsAgainstNewerLoads() throws {
        let registry = registry()
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        try registry.pin("fixture", to: "1.0.0")
        #expect(try registry.load(path: fixtures.analyzer(version: "2.0.0", label: 1)).isActive == false)
        #expect(try verdict(registry) == .positive)
        let refused = #expect(throws: RPCError.self) { try registry.load(path: fixtures.analyzer(version: "3.0.0", label: 2), activate: true) }
        #expect(refused?.code == .failedPrecondition)
        #expect(registry.list().map(\.info.id) == ["fixture@1.0.0", "fixture@2.0.0"])
        try registry.pin("fixture", to: "2.0.0")
        #expect(try verdict(registry) == .negative)
        try registry.unpin("fixture")
        #expect(registry.pins().isEmpty)
        #expect(lines.contains("pinned fixture to 1.0.0"))
        #expect(lines.contains("pinned fixture to 2.0.0; fixture@2.0.0 is active"))
        #expect(lines.contains("unpinned fixture (latest)"))
    }

    @Test func theLoadedSetActiveChoicesAndPinsSurviveARegistryRestart() throws {
        let v1 = try fixtures.analyzer(version: "1.0.0", label: 0)
        let v2 = try fixtures.analyzer(version: "2.0.0", label: 1)
        let redactor = try fixtures.redactor()
        do {
            let registry = registry()
            try registry.load(path: v1)
            try registry.load(path: v2)
            try registry.load(path: redactor)
            try registry.rollback("analyzer")
            try registry.pin("fixture", to: "1.0.0")
        }
        let restored = registry()
        restored.restore()
        #expect(restored.list().map(\.info.id) == ["fixture@1.0.0", "fixture@2.0.0", "fixture-redactor@1.0.0"])
        #expect(try verdict(restored) == .positive)
        #expect(try restored.plugin(.redactor).info.id == "fixture-redactor@1.0.0")
        #expect(restored.pins() == ["fixture": "1.0.0"])
        #expect(lines.contains("restored 3 saved plugins; active: fixture-redactor@1.0.0, fixture@1.0.0"))
        // The folder's copies of the same files are not loaded twice and change nothing.
        #expect(try restored.load(path: v2).isActive == false)
        #expect(restored.list().count == 3)
    }

    /// A plugin loaded inline runs its single calls on the caller's thread, says so in its
    /// info, and is restored inline; the same file loaded in process takes the hop.
    @Test func anInlineLoadIsKeptAcrossARestart() throws {
        let inline = try fixtures.analyzer(name: "quick", version: "1.0.0", label: 0)
        let hopping = try fixtures.analyzer(name: "slow", version: "1.0.0", label: 1)
        do {
            let registry = registry()
            let entry = try registry.load(path: inline, isolation: .inline)
            #expect(entry.info.isolation == .inline)
            #expect(try registry.load(path: hopping).info.isolation == .inProcess)
        }
        let restored = registry()
        restored.restore()
        let plugins = Dictionary(uniqueKeysWithValues: restored.list().map { ($0.info.id, $0) })
        #expect(plugins["quick@1.0.0"]?.info.isolation == .inline)
        #expect(plugins["slow@1.0.0"]?.info.isolation == .inProcess)
        #expect(try restored.plugin(.analyzer, id: "quick@1.0.0").limits.runsInline)
        #expect(try restored.plugin(.analyzer, id: "slow@1.0.0").limits.runsInline == false)
    }

    @Test func aChangedOrMissingFileIsNotRestoredAndTheRestIs() throws {
        let v1 = try fixtures.analyzer(version: "1.0.0", label: 0)
        let other = try fixtures.analyzer(name: "other", version: "1.0.0", label: 1)
        do {
            let registry = registry()
            try registry.load(path: v1)
            try registry.load(path: other)
        }
        _ = try fixtures.analyzer(name: "other", version: "1.0.0", label: 2)  // rebuilt in place: other bytes
        try FileManager.default.removeItem(atPath: fixtures.directory + "/run")
        let restored = registry()
        restored.restore()
        #expect(restored.list().map(\.info.id) == ["fixture@1.0.0"])
        #expect(lines.contains("not restoring other@1.0.0: \(other) changed since it was loaded"))
    }

    @Test func anUnreadableStateFileIsLoggedAndIgnored() throws {
        try "{ not json".write(toFile: fixtures.directory + "/plugins.json", atomically: true, encoding: .utf8)
        let registry = registry()
        registry.restore()
        #expect(registry.list().isEmpty)
        #expect(lines.contains("not restoring the saved plugins"))
        try registry.load(path: fixtures.analyzer(version: "1.0.0"))
        #expect(try PluginStateFile(path: fixtures.directory + "/plugins.json").read()?.plugins.map(\.id) == ["fixture@1.0.0"])
    }

    /// A marker left in `loading` (as by a run that died inside the plugin's code) keeps the
    /// file from loading unattended until it is loaded by hand.
    @Test func aFileWhoseLoadStoppedTheServerIsSkippedUntilLoadedByHand() throws {
        let path = try fixtures.analyzer(version: "1.0.0")
        let loader = PluginLoader(runDirectory: fixtures.directory + "/run")
        let sha256 = try loader.read(path).sha256
        let folder = fixtures.directory + "/guard"
        try FileManager.default.createDirectory(atPath: folder + "/loading", withIntermediateDirectories: true)
        try path.write(toFile: "\(folder)/loading/\(sha256)", atomically: true, encoding: .utf8)
        let lines = lines
        let registry = PluginRegistry(loader: loader, loadGuard: PluginLoadGuard(folder: folder), log: { lines.append($0) })
        #expect(lines.contains("stopped while loading the file with sha256 \(sha256)"))
        let skipped = #expect(throws: RPCError.self) { try registry.load(path: path, unattended: true) }
        #expect(skipped?.code == .failedPrecondition)
        #expect(skipped?.message.contains("skipped until loaded by hand") == true)
        #expect(try registry.load(path: path).isActive)
        #expect(PluginLoadGuard(folder: folder).crashedBefore(sha256) == false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/loading").isEmpty)
    }

    @Test func theStateFileIsReplacedAtomicallyAndAnOlderSaveIsDropped() throws {
        let file = PluginStateFile(path: fixtures.directory + "/state.json")
        var newer = PluginState()
        newer.pins = ["a": "2.0.0"]
        var older = PluginState()
        older.pins = ["a": "1.0.0"]
        try file.write(newer, sequence: 2)
        try file.write(older, sequence: 1)
        #expect(try file.read() == newer)
        #expect(FileManager.default.fileExists(atPath: file.path + ".tmp") == false)
    }
}
