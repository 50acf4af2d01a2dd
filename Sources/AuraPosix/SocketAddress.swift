import Glibc

/// An IPv4 or IPv6 address with a port, as the kernel takes it (`sockaddr_in`/`sockaddr_in6`).
public struct SocketAddress: Sendable, Equatable, CustomStringConvertible {
    /// The address family.
    public enum Family: Sendable, Equatable {
        /// IPv4 (`AF_INET`).
        case ipv4
        /// IPv6 (`AF_INET6`).
        case ipv6
    }

    private var storage: sockaddr_storage
    private let length: socklen_t

    /// Copies a kernel-filled address; returns nil when it is neither IPv4 nor IPv6.
    public init?(storage: sockaddr_storage, length: socklen_t) {
        guard Int32(storage.ss_family) == AF_INET || Int32(storage.ss_family) == AF_INET6 else { return nil }
        self.storage = storage
        self.length = length
    }

    /// The address family.
    public var family: Family { Int32(storage.ss_family) == AF_INET ? .ipv4 : .ipv6 }

    /// The port, in host byte order.
    public var port: Int {
        get {
            withSockAddrIn { v4 in Int(UInt16(bigEndian: v4.sin_port)) }
                v6: { v6 in Int(UInt16(bigEndian: v6.sin6_port)) }
        }
        set {
            let port = UInt16(truncatingIfNeeded: newValue).bigEndian
            let isIPv4 = family == .ipv4
            withUnsafeMutableBytes(of: &storage) { raw in
                if isIPv4 {
                    raw.baseAddress!.assumingMemoryBound(to: sockaddr_in.self).pointee.sin_port = port
                } else {
                    raw.baseAddress!.assumingMemoryBound(to: sockaddr_in6.self).pointee.sin6_port = port
                }
            }
        }
    }

    /// The numeric host, without brackets or port: `"127.0.0.1"`, `"::1"`.
    public var host: String {
        var text = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        withSockAddrIn { v4 in
            var address = v4.sin_addr
            _ = inet_ntop(AF_INET, &address, &text, socklen_t(text.count))
        } v6: { v6 in
            var address = v6.sin6_addr
            _ = inet_ntop(AF_INET6, &address, &text, socklen_t(text.count))
        }
        return String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `"127.0.0.1:7443"` or `"[::1]:7443"`: the form `init(parsing:)` reads back.
    public var description: String { family == .ipv4 ? "\(host):\(port)" : "[\(host)]:\(port)" }

    /// Calls `body` with the address as the kernel's `sockaddr` pointer and its length.
    public func withSockAddr<R, E: Error>(
        _ body: (UnsafePointer<sockaddr>, socklen_t) throws(E) -> R
    ) throws(E) -> R {
        try withUnsafeBytes(of: storage) { (raw) throws(E) in
            try body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }

    /// Two addresses are equal when family, host and port are equal (and the IPv6 scope).
    public static func == (lhs: SocketAddress, rhs: SocketAddress) -> Bool {
        guard lhs.family == rhs.family, lhs.port == rhs.port else { return false }
        return lhs.withSockAddrIn { a in
            rhs.withSockAddrIn { b in a.sin_addr.s_addr == b.sin_addr.s_addr } v6: { _ in false }
        } v6: { a in
            rhs.withSockAddrIn { _ in false } v6: { b in
                withUnsafeBytes(of: a.sin6_addr) { x in withUnsafeBytes(of: b.sin6_addr) { y in x.elementsEqual(y) } }
                    && a.sin6_scope_id == b.sin6_scope_id
            }
        }
    }

    func withSockAddrIn<R>(_ v4: (sockaddr_in) -> R, v6: (sockaddr_in6) -> R) -> R {
        withUnsafeBytes(of: storage) { raw in
            family == .ipv4
                ? v4(raw.load(as: sockaddr_in.self)) : v6(raw.load(as: sockaddr_in6.self))
        }
    }
}

extension SocketAddress {
    /// An IPv4 address from four bytes in network order and a port.
    public init(ipv4 address: in_addr, port: Int) {
        var v4 = sockaddr_in()
        v4.sin_family = sa_family_t(AF_INET)
        v4.sin_port = UInt16(truncatingIfNeeded: port).bigEndian
        v4.sin_addr = address
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: v4, as: sockaddr_in.self) }
        self.init(storage: storage, length: socklen_t(MemoryLayout<sockaddr_in>.size))!
    }

    /// An IPv6 address from sixteen bytes and a port.
    public init(ipv6 address: in6_addr, port: Int, scopeID: UInt32 = 0) {
        var v6 = sockaddr_in6()
        v6.sin6_family = sa_family_t(AF_INET6)
        v6.sin6_port = UInt16(truncatingIfNeeded: port).bigEndian
        v6.sin6_addr = address
        v6.sin6_scope_id = scopeID
        var storage = sockaddr_storage()
        withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: v6, as: sockaddr_in6.self) }
        self.init(storage: storage, length: socklen_t(MemoryLayout<sockaddr_in6>.size))!
    }
}
