import AuraMessages
import AuraClient
import AuraConformance
@testable import AuraSentiment
import AuraWire
import Testing

/// Plugin changes run code in the server, so they are for clients on this machine unless the
/// server runs with `--allow-remote-admin`. Tests never leave loopback: the check is fed peers.
@Suite struct PluginAdminPeerTests {
    @Test(arguments: ["10.0.0.7:50000", "[2001:db8::1]:443", "[::ffff:192.168.1.9]:80", "unknown"])
    func remotePeerIsDenied(_ peer: String) {
        let error = #expect(throws: RPCError.self) {
            try PluginAdminService.checkMayChangePlugins(peer: peer, allowsRemoteChanges: false)
        }
        #expect(error?.code == .permissionDenied)
        #expect(error?.message.contains("--allow-remote-admin") == true)
    }

    @Test func remotePeerIsAllowedWithAllowRemoteAdmin() throws {
        try PluginAdminService.checkMayChangePlugins(peer: "10.0.0.7:50000", allowsRemoteChanges: true)
    }

    @Test(arguments: ["127.0.0.1:50000", "127.0.0.3:1", "[::1]:7443"])
    func loopbackPeerIsAllowed(_ peer: String) throws {
        try PluginAdminService.checkMayChangePlugins(peer: peer, allowsRemoteChanges: false)
    }

    /// Through the real handler, from 127.0.0.1: the peer check passes and the request itself
    /// is judged (an empty path), so the check sits in front of the work.
    @Test func loadFromLoopbackReachesTheRequestCheck() async throws {
        try await SentimentServer.run { harness in
            let error = await #expect(throws: RPCError.self) {
                _ = try await harness.client.unary("aura.Plugins/Load", LoadPluginRequest(path: ""), as: AuraMessages.PluginInfo.self)
            }
            #expect(error?.code == .invalidArgument)
        }
    }
}
