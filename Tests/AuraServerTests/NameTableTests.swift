import Testing
@testable import AuraServer

@Suite struct NameTableTests {
    /// Every name set is found, as a `String` or as a substring of a longer one, and names that
    /// were not set (prefixes, extensions, the empty name) are not.
    @Test func findsExactlyTheNamesSet() {
        var table = NameTable<Int>()
        let names = (0..<40).map { "aura.Service\($0 % 7)/Method\($0)" } + ["", "é/ü"]
        for (index, name) in names.enumerated() { table.set(index, for: name) }
        for (index, name) in names.enumerated() {
            #expect(table[name] == index)
            #expect(table[("/" + name).dropFirst()] == index)
        }
        for missing in ["aura.Service1/Method", "aura.Service1/Method10x", "x", "é", "aura.Service0/Method0 "] {
            #expect(table[missing] == nil, "\(missing)")
        }
        #expect(table.values == Array(names.indices))
    }

    /// Setting a name again replaces its value and keeps one entry.
    @Test func settingANameAgainReplacesIt() {
        var table = NameTable<String>()
        table.set("first", for: "aura.Health/Check")
        table.set("second", for: "aura.Health/Check")
        #expect(table["aura.Health/Check"] == "second")
        #expect(table.values == ["second"])
    }

    /// An empty table finds nothing.
    @Test func anEmptyTableFindsNothing() {
        #expect(NameTable<Int>()["aura.Health/Check"] == nil)
        #expect(NameTable<Int>()[""] == nil)
    }
}
