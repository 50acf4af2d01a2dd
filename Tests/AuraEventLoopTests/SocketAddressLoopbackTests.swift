import AuraPosix
import Testing

/// The check behind PERMISSION_DENIED for remote plugin changes.
@Suite struct SocketAddressLoopbackTests {
    @Test(arguments: [
        "127.0.0.1:5000", "127.255.0.9:1", "[::1]:7443", "[::ffff:127.0.0.1]:80", "[0:0:0:0:0:0:0:1]:1",
    ])
    func loopbackPeers(_ peer: String) {
        #expect(SocketAddress.isLoopback(peer: peer))
    }

    @Test(arguments: [
        "10.0.0.7:5000", "128.0.0.1:1", "1.127.0.0:1", "[::2]:1", "[::ffff:10.0.0.1]:80", "[fe80::1]:1",
        "unknown", "localhost:80", "127.0.0.1", "", "[::1", "127.example.com:80",
    ])
    func otherPeers(_ peer: String) {
        #expect(!SocketAddress.isLoopback(peer: peer))
    }

    @Test func parsedAddresses() throws {
        #expect(try SocketAddress(parsing: "127.0.0.2:0").isLoopback)
        #expect(try SocketAddress(parsing: "[::1]:0").isLoopback)
        #expect(try !SocketAddress(parsing: "192.168.1.1:0").isLoopback)
    }
}
