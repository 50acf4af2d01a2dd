import Glibc
import Testing
import AuraPosix

@Suite struct SocketAddressTests {
    @Test func parsesIPv4() throws {
        let address = try SocketAddress(parsing: "127.0.0.1:7443")
        #expect(address.family == .ipv4)
        #expect(address.host == "127.0.0.1")
        #expect(address.port == 7443)
        #expect(address.description == "127.0.0.1:7443")
    }

    @Test func parsesBracketedIPv6() throws {
        let address = try SocketAddress(parsing: "[::1]:80")
        #expect(address.family == .ipv6)
        #expect(address.host == "::1")
        #expect(address.port == 80)
        #expect(address.description == "[::1]:80")
    }

    @Test func descriptionReadsBack() throws {
        for text in ["10.1.2.3:0", "[fe80::1]:65535", "0.0.0.0:1"] {
            #expect(try SocketAddress(parsing: text).description == text)
        }
    }

    @Test func equalityComparesFamilyHostAndPort() throws {
        #expect(try SocketAddress(parsing: "127.0.0.1:1") == SocketAddress(parsing: "127.0.0.1:1"))
        #expect(try SocketAddress(parsing: "127.0.0.1:1") != SocketAddress(parsing: "127.0.0.1:2"))
        #expect(try SocketAddress(parsing: "127.0.0.1:1") != SocketAddress(parsing: "127.0.0.2:1"))
        #expect(try SocketAddress(parsing: "[::1]:1") != SocketAddress(parsing: "127.0.0.1:1"))
    }

    @Test func settingThePortKeepsTheHost() throws {
        var address = try SocketAddress(parsing: "[::1]:1")
        address.port = 4242
        #expect(address.description == "[::1]:4242")
    }

    @Test(arguments: ["7443", "127.0.0.1", ":80", "::1:80", "[::1]80", "[::1"])
    func malformedTextIsRefused(_ text: String) {
        #expect(throws: SocketAddressError.malformed(text)) { try SocketAddress(parsing: text) }
    }

    @Test(arguments: ["127.0.0.1:65536", "127.0.0.1:-1", "127.0.0.1:http", "[::1]:"])
    func badPortIsRefused(_ text: String) {
        #expect(throws: SocketAddressError.invalidPort(text)) { try SocketAddress(parsing: text) }
    }
}
