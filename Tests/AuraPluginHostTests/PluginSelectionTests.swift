import AuraPluginHost
import AuraWire
import Testing

/// The model-control rules alone, without loading plugins.
@Suite struct PluginSelectionTests {
    private func info(_ name: String, _ version: String, kind: PluginKind = .analyzer) -> PluginInfo {
        PluginInfo(kind: kind, name: name, version: version, languages: [], path: "/p/\(name)-\(version).so", abi: "1.0")
    }

    @Test func latestPolicyActivatesTheFirstAndNewerVersionsOfTheActiveName() throws {
        var selection = PluginSelection()
        #expect(try selection.admit(info("a", "1.0.0"), activation: .byPolicy))
        #expect(try selection.admit(info("a", "1.10.0"), activation: .byPolicy))
        #expect(try selection.admit(info("a", "1.9.0"), activation: .byPolicy) == false)
        #expect(try selection.admit(info("a", "2.0.0-rc.1"), activation: .byPolicy))
        #expect(try selection.admit(info("a", "2.0.0"), activation: .byPolicy))
        #expect(try selection.admit(info("b", "9.0.0"), activation: .byPolicy) == false)
        #expect(try selection.admit(info("a", "3.0.0"), activation: .never) == false)
        #expect(selection.active[.analyzer] == "a@2.0.0")
    }

    @Test func aPinDecidesWhichVersionMayBecomeActive() throws {
        var selection = PluginSelection()
        try selection.admit(info("a", "1.0.0"), activation: .byPolicy)
        try selection.pin("a", to: "1.0.0")
        #expect(try selection.admit(info("a", "2.0.0"), activation: .byPolicy) == false)
        let refused = #expect(throws: RPCError.self) { try selection.activate("a@2.0.0") }
        #expect(refused?.code == .failedPrecondition)
        let refusedLoad = #expect(throws: RPCError.self) { try selection.admit(info("a", "3.0.0"), activation: .now) }
        #expect(refusedLoad?.code == .failedPrecondition)
        #expect(selection.loaded["a@3.0.0"] == nil)
        #expect(try selection.pin("a", to: "2.0.0") == "a@2.0.0")
        #expect(selection.active[.analyzer] == "a@2.0.0")
        try selection.pin("a", to: "4.0.0")  // not loaded yet: active stays
        #expect(selection.active[.analyzer] == "a@2.0.0")
        #expect(try selection.admit(info("a", "4.0.0"), activation: .byPolicy))
        try selection.unpin("a")
        #expect(try selection.admit(info("a", "5.0.0"), activation: .byPolicy))
        #expect(throws: RPCError.self) { try selection.unpin("a") }
        #expect(throws: RPCError.self) { try selection.pin("a", to: "five") }
    }

    @Test func rollbackGoesBackOneActiveChoiceAtATimeSkippingUnloadedOnes() throws {
        var selection = PluginSelection()
        for version in ["1.0.0", "2.0.0", "3.0.0", "4.0.0"] { try selection.admit(info("a", version), activation: .byPolicy) }
        try selection.remove("a@2.0.0")
        #expect(try selection.rollback("a").id == "a@3.0.0")
        #expect(try selection.rollback("analyzer").id == "a@1.0.0")
        let empty = #expect(throws: RPCError.self) { try selection.rollback("analyzer") }
        #expect(empty?.code == .failedPrecondition)
        #expect(selection.active[.analyzer] == "a@1.0.0")
    }

    @Test func rollbackRespectsPinsAndNamesTheActivePlugin() throws {
        var selection = PluginSelection()
        try selection.admit(info("a", "1.0.0"), activation: .byPolicy)
        try selection.admit(info("a", "2.0.0"), activation: .byPolicy)
        try selection.admit(info("r", "1.0.0", kind: .redactor), activation: .byPolicy)
        try selection.pin("a", to: "2.0.0")
        let pinned = #expect(throws: RPCError.self) { try selection.rollback("a") }
        #expect(pinned?.code == .failedPrecondition)
        #expect(selection.active[.analyzer] == "a@2.0.0")
        try selection.unpin("a")
        #expect(try selection.rollback("a").id == "a@1.0.0")
        let unknown = #expect(throws: RPCError.self) { try selection.rollback("nothing") }
        #expect(unknown?.code == .notFound)
        let noHistory = #expect(throws: RPCError.self) { try selection.rollback("redactor") }
        #expect(noHistory?.code == .failedPrecondition)
    }

    @Test func theActivePluginCannotBeRemovedAndKindsDoNotShareAnID() throws {
        var selection = PluginSelection()
        try selection.admit(info("a", "1.0.0"), activation: .byPolicy)
        #expect(throws: RPCError.self) { try selection.remove("a@1.0.0") }
        let clash = #expect(throws: RPCError.self) { try selection.admit(info("a", "1.0.0", kind: .redactor), activation: .byPolicy) }
        #expect(clash?.code == .alreadyExists)
    }

    @Test func restoreKeepsOnlyWhatIsLoaded() throws {
        var selection = PluginSelection()
        try selection.admit(info("a", "1.0.0"), activation: .never)
        try selection.admit(info("a", "2.0.0"), activation: .never)
        selection.restore(
            active: [.analyzer: "a@1.0.0", .redactor: "gone@1.0.0"], history: [.analyzer: ["gone@0.1.0", "a@2.0.0"]],
            pins: ["a": "1.0.0", "bad": "x"])
        #expect(selection.active == [.analyzer: "a@1.0.0"])
        #expect(selection.history == [.analyzer: ["a@2.0.0"]])
        #expect(selection.pins == ["a": "1.0.0"])
    }
}
