import AuraEventLoop
import Testing

@Suite struct SocketAddressTests {
    @Test func parsesNumericIPv4() throws {
        let address = try SocketAddress(parsing: "127.0.0.1:7443")
        #expect(address.family == .ipv4)
        #expect(address.port == 7443)
        #expect(address.description == "127.0.0.1:7443")
    }

    @Test func parsesBracketedIPv6() throws {
        let address = try SocketAddress(parsing: "[::1]:7443")
        #expect(address.family == .ipv6)
        #expect(address.host == "::1")
        #expect(address.description == "[::1]:7443")
    }

    @Test func resolvesLocalhostPreferringIPv4() throws {
        let address = try SocketAddress(parsing: "localhost:7443")
        #expect(address == (try SocketAddress(parsing: "127.0.0.1:7443")))
    }

    @Test func rejectsMalformedText() {
        #expect(throws: SocketAddressError.malformed("no-port")) { try SocketAddress(parsing: "no-port") }
        #expect(throws: SocketAddressError.malformed("::1:80")) { try SocketAddress(parsing: "::1:80") }
        #expect(throws: SocketAddressError.malformed(":80")) { try SocketAddress(parsing: ":80") }
        #expect(throws: SocketAddressError.invalidPort("1.2.3.4:65536")) { try SocketAddress(parsing: "1.2.3.4:65536") }
        #expect(throws: SocketAddressError.invalidPort("[::1]:x")) { try SocketAddress(parsing: "[::1]:x") }
    }
}
