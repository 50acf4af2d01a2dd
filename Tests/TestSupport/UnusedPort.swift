import AuraPosix
import Foundation
import Synchronization

/// Ports for tests that must name a port before anything listens on it (servers that list
/// each other as peers, a server restarted on its port, an address where nothing listens).
///
/// Each is below the kernel's ephemeral range, free when chosen and handed out once per
/// process. Listeners bound on `127.0.0.1:0` (every other test's server) and the local ports
/// of outgoing connections come from the ephemeral range, so such a port stays free between
/// choosing it and binding it. A port from the ephemeral range, bound, released and bound
/// again later, was sometimes taken by another test's server in between.
public enum UnusedPort {
    /// A port on 127.0.0.1 that nothing listens on and no other caller of `next()` gets.
    public static func next() throws -> Int {
        let low = ephemeralRangeStart()
        for _ in 0..<1_000 {
            let port = Int.random(in: (low / 2)..<low)
            guard handedOut.withLock({ $0.insert(port).inserted }) else { continue }
            if let socket = try? Socket.listen(on: SocketAddress(parsing: "127.0.0.1:\(port)")) {
                socket.close()
                return port
            }
        }
        throw POSIXError(.EADDRINUSE)
    }

    private static let handedOut = Mutex<Set<Int>>([])

    /// The first port of `net.ipv4.ip_local_port_range` (32768 where it cannot be read).
    private static func ephemeralRangeStart() -> Int {
        let range = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        let low = range.split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) } ?? 32_768
        return max(low, 2_048)
    }
}
