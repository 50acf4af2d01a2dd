import AuraCore
@testable import AuraPluginHost
import TestSupport
import Testing

/// `"isolation"` in NAME.json: the host's key, taken out of the config the plugin sees.
@Suite struct PluginConfigFileTests {
    @Test func theIsolationKeyIsTakenOutOfTheConfig() throws {
        let file = try PluginConfigFile(text: #"{"keywords": ["a}", "isolation"], "isolation": "process"}"#, path: "x.json")
        #expect(file.isolation == .process && file.config == #"{"keywords": ["a}", "isolation"]}"#)
        let first = try PluginConfigFile(text: #"{ "isolation":"process" , "limit": 3 }"#, path: "x.json")
        #expect(first.isolation == .process && first.config == #"{ "limit": 3 }"#)
        let alone = try PluginConfigFile(text: #"{"isolation": "in-process"}"#, path: "x.json")
        #expect(alone.isolation == .inProcess && alone.config == "")
        let inline = try PluginConfigFile(text: #"{"isolation": "inline", "limit": 3}"#, path: "x.json")
        #expect(inline.isolation == .inline && inline.config == #"{"limit": 3}"#)
        let untouched = try PluginConfigFile(text: #"{ "keywords": [] }"#, path: "x.json")
        #expect(untouched.isolation == .inProcess && untouched.config == #"{ "keywords": [] }"#)
    }

    @Test func anUnknownIsolationOrABrokenFileIsRefused() {
        let error = #expect(throws: RPCError.self) { _ = try PluginConfigFile(text: #"{"isolation": "sandbox"}"#, path: "x.json") }
        #expect(error?.code == .invalidArgument && error?.message.contains("x.json") == true)
        #expect(throws: RPCError.self) { _ = try PluginConfigFile(text: #"{"isolation": "process""#, path: "x.json") }
    }

    @Test func aDirectoryPluginWithProcessIsolationRunsInAWorker() throws {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let options = WorkerOptions(executablePath: try Binaries.path(of: "aura-plugin-worker")) { _ in }
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run", workers: options))
        _ = try fixtures.analyzer(name: "isolated", version: "1.0.0", label: 1)
        _ = try fixtures.file("isolated-1.0.0.json", contents: #"{"isolation": "process"}"#)
        PluginDirectory(path: fixtures.directory, registry: registry, log: { _ in }).loadAll()
        let entry = try #require(registry.list().first)
        #expect(entry.info.isolation == .process && entry.info.id == "isolated@1.0.0")
        #expect(try registry.plugin(.analyzer).analyze("fine").sentiment == .negative)
    }
}
