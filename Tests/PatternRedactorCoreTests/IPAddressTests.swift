import PatternRedactorCore
import Testing

@Suite("IP_ADDRESS") struct IPAddressTests {
    @Test("IPv4", arguments: ["192.168.1.1", "10.0.0.1", "255.255.255.255", "0.0.0.0", "8.8.4.4", "172.16.254.3"])
    func ipv4(address: String) {
        #expect(spans("Host \(address) is up.") == [Span(.ipAddress, address)])
    }

    @Test("IPv4 with a port or a prefix length keeps the address only")
    func ipv4Suffixes() {
        #expect(spans("dial 10.1.2.3:8080") == [Span(.ipAddress, "10.1.2.3")])
        #expect(spans("route 10.0.0.0/8") == [Span(.ipAddress, "10.0.0.0")])
    }

    @Test("IPv6 full, compressed and with an IPv4 tail", arguments: [
        "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "2001:db8::1", "::1", "fe80::1ff:fe23:4567:890a",
        "::ffff:192.0.2.128", "2001:db8:85a3::8a2e:370:7334", "2001:DB8::", "64:ff9b::192.0.2.33",
    ])
    func ipv6(address: String) {
        #expect(spans("Host \(address) is up.") == [Span(.ipAddress, address)])
    }

    @Test("IPv4 look-alikes", arguments: [
        "256.1.1.1", "1.2.3", "1.2.3.4.5", "version 1.2.3.4", "Version: 1.2.3.4", "v1.2.3.4", "build 10.0.0.1",
        "01.02.03.04", "1.2.3.4a", "a1.2.3.4", "15.03.2024", "192.168.1", "1.2.3.4.5.6.7.8",
    ])
    func ipv4LookAlikes(text: String) {
        #expect(spans("See \(text) x") == [])
    }

    @Test("a dotted quad at a sentence end is still an address")
    func sentenceEnd() {
        #expect(spans("Ping 1.2.3.4.") == [Span(.ipAddress, "1.2.3.4")])
    }

    @Test("IPv6 look-alikes", arguments: [
        "12:30:45", "10:30", "std::vector", "Add::Dec", "00:1A:2B:3C:4D:5E", "1:2:3:4:5:6:7", "::", "1::2::3",
        "2001:db8:::1", "12345::1", "fe80::1g", "a:b:c:d:e:f:a:b",
    ])
    func ipv6LookAlikes(text: String) {
        #expect(spans("See \(text) x") == [])
    }
}
