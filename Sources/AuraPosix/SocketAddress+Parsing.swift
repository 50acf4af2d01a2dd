import Glibc

/// Why a `"host:port"` string could not become a `SocketAddress`.
public enum SocketAddressError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text is not `host:port` or `[ipv6]:port`.
    case malformed(String)
    /// The port is not a number from 0 to 65535.
    case invalidPort(String)
    /// The host is not a numeric address and name lookup failed (with the resolver's reason).
    case unresolved(host: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .malformed(let text): "malformed address \"\(text)\": expected host:port or [ipv6]:port"
        case .invalidPort(let text): "invalid port in \"\(text)\": expected 0...65535"
        case .unresolved(let host, let reason): "cannot resolve \"\(host)\": \(reason)"
        }
    }
}

extension SocketAddress {
    /// Parses `"127.0.0.1:7443"`, `"[::1]:7443"` or `"localhost:7443"`.
    ///
    /// Numeric hosts are parsed directly; other names go through `getaddrinfo` (which may block
    /// on DNS, so do not call this on an event loop thread) and give the first IPv4 result, or
    /// the first result when there is no IPv4 one.
    public init(parsing text: String) throws(SocketAddressError) {
        let host: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"),
                text[text.index(after: close)...].hasPrefix(":")
            else { throw .malformed(text) }
            host = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
        } else {
            guard let colon = text.lastIndex(of: ":") else { throw .malformed(text) }
            host = text[..<colon]
            portText = text[text.index(after: colon)...]
            if host.contains(":") { throw .malformed(text) }
        }
        guard !host.isEmpty else { throw .malformed(text) }
        guard let port = Int(portText), (0...65535).contains(port) else { throw .invalidPort(text) }
        self = try SocketAddress.resolve(host: String(host), port: port)
    }

    /// Returns the address of `host` (numeric IPv4, numeric IPv6, or a name) with `port`.
    /// A name gives its first IPv4 address, or its first address when it has no IPv4 one.
    public static func resolve(host: String, port: Int) throws(SocketAddressError) -> SocketAddress {
        let all = try resolveAll(host: host, port: port)
        return all.first { $0.family == .ipv4 } ?? all[0]
    }

    /// Whether `host` is a numeric IPv4 or IPv6 address (no name lookup needed).
    public static func isNumeric(host: String) -> Bool {
        var v4 = in_addr(), v6 = in6_addr()
        return inet_pton(AF_INET, host, &v4) == 1 || inet_pton(AF_INET6, host, &v6) == 1
    }

    /// Every address `host` has (a numeric one, or each distinct result of `getaddrinfo`, in
    /// the resolver's order) with `port`: a name with several A records gives several. Blocks
    /// on DNS: never call it on an event loop thread.
    public static func resolveAll(host: String, port: Int) throws(SocketAddressError) -> [SocketAddress] {
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return [SocketAddress(ipv4: v4, port: port)] }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return [SocketAddress(ipv6: v6, port: port)] }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = CInt(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, nil, &hints, &list)
        guard rc == 0, let first = list else {
            throw .unresolved(host: host, reason: String(cString: gai_strerror(rc)))
        }
        defer { freeaddrinfo(first) }
        var found: [SocketAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr {
                var storage = sockaddr_storage()
                withUnsafeMutableBytes(of: &storage) { raw in
                    raw.copyMemory(from: UnsafeRawBufferPointer(start: address, count: Int(entry.pointee.ai_addrlen)))
                }
                if var candidate = SocketAddress(storage: storage, length: entry.pointee.ai_addrlen) {
                    candidate.port = port
                    if !found.contains(candidate) { found.append(candidate) }
                }
            }
            cursor = entry.pointee.ai_next
        }
        guard !found.isEmpty else { throw .unresolved(host: host, reason: "no IPv4 or IPv6 address") }
        return found
    }
}
