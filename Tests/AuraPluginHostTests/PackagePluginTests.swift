import AuraPluginHost
import AuraWire
import TestSupport
import Testing

/// The package's own plugins, as `swift build` makes them, through the real ABI: two in Swift
/// and one in C.
@Suite struct PackagePluginTests {
    let loader: PluginLoader
    let fixtures: PluginFixtures

    init() throws {
        fixtures = try PluginFixtures()
        loader = PluginLoader(runDirectory: fixtures.directory + "/run")
    }

    @Test func theDefaultAnalyzerLoadsAndAnalyzes() throws {
        let analyzer = try loader.load(path: Binaries.plugin("LexiconSentiment"))
        #expect(analyzer.info.kind == .analyzer)
        #expect(analyzer.info.name == "lexicon-sentiment")
        #expect(analyzer.info.languages.contains("es"))
        #expect(try analyzer.analyze("I absolutely love this, it is wonderful!").sentiment == .positive)
        #expect(try analyzer.analyze("This is the worst service I have ever had.").sentiment == .negative)
        let spanish = try analyzer.analyze("El servicio fue muy lento y la comida estaba fría.")
        #expect(spanish.language == "es")
    }

    @Test func theDefaultRedactorLoadsAndFindsPersonalData() throws {
        let redactor = try loader.load(path: Binaries.plugin("PatternRedactor"))
        #expect(redactor.info.kind == .redactor)
        let entities = try redactor.detect("mail jane@example.com")
        #expect(entities == [DetectedEntity(type: "EMAIL", begin: 5, end: 21, score: entities.first?.score ?? 0)])
        let refusal = #expect(throws: RPCError.self) {
            _ = try loader.load(path: Binaries.plugin("PatternRedactor"), config: #"{"types": ["NOPE"]}"#)
        }
        #expect(refusal?.code == .invalidArgument)
    }

    @Test func theCKeywordRedactorNeedsItsKeywordsAndFindsThem() throws {
        let path = try Binaries.plugin("KeywordRedactor")
        let missing = #expect(throws: RPCError.self) { _ = try loader.load(path: path) }
        #expect(missing?.message.contains("keywords") == true)
        let redactor = try loader.load(path: path, config: #"{"keywords": ["Project Falcon"], "type": "CODENAME"}"#)
        #expect(redactor.info.id == "keyword-redactor@1.0.0")
        #expect(try redactor.detect("😀 about project falcon.") == [DetectedEntity(type: "CODENAME", begin: 8, end: 22, score: 1)])
    }
}
