import Glibc

extension SocketAddress {
    /// Whether the address is this machine's loopback: 127.0.0.0/8, `::1`, or an IPv4-mapped
    /// `::ffff:127.x.y.z` (what an IPv6 socket reports for an IPv4 loopback peer).
    public var isLoopback: Bool {
        withSockAddrIn { v4 in
            UInt32(bigEndian: v4.sin_addr.s_addr) >> 24 == 127
        } v6: { v6 in
            withUnsafeBytes(of: v6.sin6_addr) { bytes in
                let zeroPrefix = bytes.prefix(10).allSatisfy { $0 == 0 }
                let loopback = zeroPrefix && bytes[10...14].allSatisfy { $0 == 0 } && bytes[15] == 1
                let mappedLoopback = zeroPrefix && bytes[10] == 0xFF && bytes[11] == 0xFF && bytes[12] == 127
                return loopback || mappedLoopback
            }
        }
    }

    /// Whether `peer`, a numeric `"host:port"` or `"[ipv6]:port"` as `description` writes it,
    /// is a loopback address. Anything else (a name, `"unknown"`, malformed text) is not: names
    /// are never resolved here, so a peer cannot pass by naming a host.
    public static func isLoopback(peer: String) -> Bool {
        let host: Substring
        if peer.hasPrefix("[") {
            guard let close = peer.firstIndex(of: "]") else { return false }
            host = peer[peer.index(after: peer.startIndex)..<close]
        } else {
            guard let colon = peer.lastIndex(of: ":") else { return false }
            host = peer[..<colon]
        }
        var v4 = in_addr()
        if inet_pton(AF_INET, String(host), &v4) == 1 { return SocketAddress(ipv4: v4, port: 0).isLoopback }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, String(host), &v6) == 1 { return SocketAddress(ipv6: v6, port: 0).isLoopback }
        return false
    }
}
