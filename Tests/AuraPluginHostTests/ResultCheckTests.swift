import AuraCore
import AuraPluginHost
import TestSupport
import Testing

/// A plugin's result is checked before anyone sees it; its own status codes pass through.
@Suite struct ResultCheckTests {
    let fixtures: PluginFixtures
    let analyzer: Plugin
    let redactor: Plugin

    init() throws {
        fixtures = try PluginFixtures()
        let loader = PluginLoader(runDirectory: fixtures.directory + "/run")
        analyzer = try loader.load(path: fixtures.unruly())
        redactor = try loader.load(path: fixtures.unruly(name: "unruly-redactor", redactor: true))
    }

    private func refusal(_ body: () throws(RPCError) -> Void) -> RPCError? {
        do {
            try body()
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        ("label", "label 7 is not one of 0-3"), ("nan", "not all finite numbers from 0 to 1"), ("sum", "sum to 1.8"),
        ("compound", "compound 3.0 is not a finite number"), ("language", "not NUL-terminated UTF-8"),
    ])
    func anInvalidAnalysisIsInternalNamingThePlugin(text: String, reason: String) {
        defer { fixtures.remove() }
        let error = refusal { () throws(RPCError) in _ = try analyzer.analyze(text) }
        #expect(error?.code == .internal)
        #expect(error?.message.contains("unruly@1.0.0 returned an invalid result") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
        #expect(analyzer.stats.snapshot.failures == 1)
    }

    @Test(arguments: [
        ("past", "past the text's"), ("overlap", "overlapping"), ("unordered", "out of order"), ("empty", "is empty"),
        ("untyped", "no type name"), ("huge", "1073741824 entities, more than the limit of 4096"),
    ])
    func invalidEntitiesAreInternalNamingThePlugin(text: String, reason: String) {
        defer { fixtures.remove() }
        let error = refusal { () throws(RPCError) in _ = try redactor.detect(text + " and some more text") }
        #expect(error?.code == .internal)
        #expect(error?.message.contains("unruly-redactor@1.0.0 returned an invalid result") == true, "\(error?.message ?? "")")
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "")")
    }

    @Test func manyValidEntitiesPassAndTooManyAreRefused() throws {
        defer { fixtures.remove() }
        #expect(try redactor.detect("many" + String(repeating: "x", count: ResultLimits.maxEntities - 4)).count == ResultLimits.maxEntities)
        let error = refusal { () throws(RPCError) in _ = try redactor.detect("many" + String(repeating: "x", count: ResultLimits.maxEntities - 3)) }
        #expect(error?.code == .internal)
    }

    @Test func aPluginsOwnStatusCodeReachesTheCallerAndOthersAreInternal() {
        defer { fixtures.remove() }
        for code: UInt32 in [1, 3, 5, 8, 14, 16] {
            let error = refusal { () throws(RPCError) in _ = try analyzer.analyze("code:\(code)") }
            #expect(error?.code.rawValue == code)
            #expect(error?.message.contains("asked to fail with \(code)") == true)
        }
        for code in [17, 99, 4_000_000_000] {
            let error = refusal { () throws(RPCError) in _ = try redactor.detect("code:\(code)") }
            #expect(error?.code == .internal)
            #expect(error?.message.contains("failed with code \(code), not a status code") == true, "\(error?.message ?? "")")
        }
    }
}
