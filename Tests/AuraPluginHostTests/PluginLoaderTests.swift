import AuraPluginHost
import AuraWire
import TestSupport
import Testing

@Suite struct PluginLoaderTests {
    let fixtures: PluginFixtures
    let loader: PluginLoader

    init() throws {
        fixtures = try PluginFixtures()
        loader = PluginLoader(runDirectory: fixtures.directory + "/run")
    }

    @Test func loadsAnAnalyzerAndRunsIt() throws {
        let plugin = try loader.load(path: try fixtures.analyzer(version: "1.2.0", label: 1))
        #expect(plugin.info.id == "fixture@1.2.0")
        #expect(plugin.info.kind == .analyzer)
        #expect(plugin.info.abi == "1.0")
        let analysis = try plugin.analyze("fine")
        #expect(analysis.sentiment == .negative)
        #expect(analysis.language == "en")
        #expect(abs(analysis.positive + analysis.negative + analysis.neutral + analysis.mixed - 1) < 1e-9)
    }

    @Test func redactorReportsOffsetsInScalars() throws {
        let plugin = try loader.load(path: try fixtures.redactor())
        let entities = try plugin.detect("é😀 secret")
        #expect(entities == [DetectedEntity(type: "SECRET", begin: 3, end: 9, score: 1)])
    }

    @Test func pluginErrorsCarryTheirCodeAndMessage() throws {
        let plugin = try loader.load(path: try fixtures.analyzer(version: "1.0.0"))
        let error = #expect(throws: RPCError.self) {
            _ = try plugin.analyze("boom")
        }
        #expect(error?.code == .internal)
        #expect(error?.message.contains("the fixture exploded") == true)
    }

    @Test func refusesAFileThatIsNotELF() throws {
        let error = loader.refusal(try fixtures.file("text.so", contents: "not a library at all"))
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("not an ELF file") == true)
    }

    @Test func refusesAMissingFile() {
        let error = loader.refusal(fixtures.directory + "/absent.so")
        #expect(error?.code == .notFound)
    }

    @Test func refusesALibraryWithoutTheEntrySymbol() throws {
        let error = loader.refusal(try fixtures.build("no-entry", defines: ["FIXTURE_NO_ENTRY": "1"]))
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("does not export aura_plugin_entry") == true)
    }

    @Test func refusesAnotherABIMajorVersion() throws {
        let error = loader.refusal(try fixtures.build("abi2", defines: ["FIXTURE_ABI_MAJOR": "2"]))
        #expect(error?.code == .failedPrecondition)
        #expect(error?.message.contains("plugin ABI 2.x") == true)
    }

    @Test func refusesAnUnknownKind() throws {
        let error = loader.refusal(try fixtures.build("kind7", defines: ["FIXTURE_KIND": "7"]))
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("unknown plugin kind 7") == true)
    }

    @Test func refusesAPluginWhoseCreateFails() throws {
        let error = loader.refusal(try fixtures.build("create-fails", defines: ["FIXTURE_CREATE_FAILS": "1"]))
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains("refused its config: this fixture refuses every config") == true)
    }

    @Test func aRebuiltFileAtTheSamePathLoadsTheNewCode() throws {
        let path = try fixtures.build("same-path", defines: ["FIXTURE_VERSION": "\"1.0.0\"", "FIXTURE_LABEL": "0"])
        let first = try loader.load(path: path)
        _ = try fixtures.build("same-path", defines: ["FIXTURE_VERSION": "\"1.0.1\"", "FIXTURE_LABEL": "1"])
        let second = try loader.load(path: path)
        #expect(first.info.version == "1.0.0")
        #expect(second.info.version == "1.0.1")
        var verdicts: [Sentiment] = []
        for plugin in [first, second] {
            verdicts.append(try plugin.analyze("x").sentiment)
        }
        #expect(verdicts == [.positive, .negative])
    }
}
