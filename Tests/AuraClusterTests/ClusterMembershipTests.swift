import AuraCluster
import Testing

@Suite struct ClusterMembershipTests {
    @Test func peersByName() throws {
        let membership = try ClusterMembership(peers: "a=10.0.0.1:7443, b=aura-b.internal:7443")
        #expect(membership.address(of: "a") == "10.0.0.1:7443")
        #expect(membership.address(of: "b") == "aura-b.internal:7443")
        #expect(membership.address(of: "c") == nil)
        #expect(!membership.isEmpty)
    }

    @Test func aPatternNamesEveryOtherNode() throws {
        let membership = try ClusterMembership(peers: "a=10.0.0.1:7443", addressPattern: "{node}.aura-peers:7443")
        #expect(membership.address(of: "a") == "10.0.0.1:7443")
        #expect(membership.address(of: "aura-3") == "aura-3.aura-peers:7443")
    }

    @Test func noPeersIsASingleServer() throws {
        #expect(try ClusterMembership(peers: "").isEmpty)
    }

    @Test func badSettingsAreRefusedWithTheirReason() {
        let cases: [(String, String?, String)] = [
            ("a", nil, "is not name=host:port"),
            ("a=", nil, "is not name=host:port"),
            ("a b=h:1", nil, "must be 1 to 63"),
            ("a=h", nil, "needs a port"),
            ("a=h:1,a=h:2", nil, "names a twice"),
            ("", "aura:7443", "must contain {node}"),
        ]
        for (peers, pattern, reason) in cases {
            #expect(throws: ClusterConfigurationError.self, "\(peers)") { try ClusterMembership(peers: peers, addressPattern: pattern) }
            do {
                _ = try ClusterMembership(peers: peers, addressPattern: pattern)
            } catch {
                #expect(error.description.contains(reason), "\(error)")
            }
        }
    }
}
