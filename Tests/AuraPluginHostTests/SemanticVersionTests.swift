import AuraPluginHost
import Testing

@Suite struct SemanticVersionTests {
    /// The precedence example of semver.org 2.0.0, item 11, plus numeric comparison.
    @Test func ordersAsSemverSays() throws {
        let ordered = try [
            "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11",
            "1.0.0-rc.1", "1.0.0", "1.9.2", "1.10.0", "2.0.0-0", "2.0.0", "10.0.0",
        ].map { try #require(SemanticVersion($0), "\($0)") }
        for (index, version) in ordered.enumerated() {
            for later in ordered[(index + 1)...] {
                #expect(version < later, "\(version) < \(later)")
                #expect(!(later < version), "\(later) !< \(version)")
            }
        }
    }

    @Test func buildMetadataIsKeptButIgnoredInPrecedence() throws {
        let a = try #require(SemanticVersion("1.0.0+build.001"))
        let b = try #require(SemanticVersion("1.0.0+exp.sha.5114f85"))
        #expect(!(a < b) && !(b < a))
        #expect(a.build == ["build", "001"])
        #expect(a.description == "1.0.0+build.001")
    }

    @Test func partsAreParsed() throws {
        let version = try #require(SemanticVersion("1.2.3-rc.1+linux"))
        #expect((version.major, version.minor, version.patch) == (1, 2, 3))
        #expect(version.prerelease == ["rc", "1"])
    }

    @Test(arguments: [
        "", "1", "1.0", "1.0.0.0", "v1.0.0", "01.0.0", "1.00.0", "1.0.0-", "1.0.0-01", "1.0.0-a..b", "1.0.0+", "1.0.0+a+b",
        "1.0.0-é", " 1.0.0", "1.0.0 ", "-1.0.0", "1.0.x", "99999999999999999999.0.0",
    ])
    func refusesAnythingElse(text: String) {
        #expect(SemanticVersion(text) == nil)
    }
}
