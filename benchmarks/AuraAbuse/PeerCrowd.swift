import AuraEventLoop
import AuraPosix
import AuraWire

/// Many raw peers on one event loop of their own, and the events the server causes them.
public final class PeerCrowd: Sendable {
    /// What happened to the peers so far.
    public let events = PeerEvents()
    /// The server's resident memory, for scenarios that wait until the abuse has taken hold.
    public let serverMemory: ServerMemory
    /// Metadata with the server's API key, for abusers whose calls must reach a handler
    /// (docs/KEYS.md); empty for a server without auth.
    public let credentials: Metadata
    private let address: SocketAddress
    private let loop: EventLoop

    init(address: SocketAddress, loop: EventLoop, serverMemory: ServerMemory, apiKey: String?) {
        self.address = address
        self.loop = loop
        self.serverMemory = serverMemory
        credentials = apiKey.map { ["authorization": "Bearer \($0)"] } ?? Metadata()
    }

    /// Opens `count` connections (a hundred at a time), each doing `start` once connected.
    public func connect(_ count: Int, start: @escaping @Sendable (RawPeer) -> Void = { _ in }) async throws -> [RawPeer] {
        var peers: [RawPeer] = []
        peers.reserveCapacity(count)
        for batch in stride(from: 0, to: count, by: 100) {
            try await withThrowingTaskGroup(of: RawPeer.self) { group in
                for _ in batch..<min(count, batch + 100) {
                    group.addTask { [address, loop, events] in
                        let peer = try await RawPeer.connect(to: address, on: loop, events: events)
                        start(peer)
                        return peer
                    }
                }
                for try await peer in group { peers.append(peer) }
            }
        }
        return peers
    }

    /// Waits until the server closed `count` connections; false when `bound` passes first.
    public func waitForServerCloses(_ count: Int, within bound: Duration) async -> Bool {
        await events.wait(within: bound) { $0.closedByServer >= count }
    }

    /// Sends a PING on every peer and waits for all the ACKs: then the server has processed
    /// everything they sent before. False when `bound` passes first.
    public func barrier(_ peers: [RawPeer], within bound: Duration) async -> Bool {
        let target = events.counts.pingsAcknowledged + peers.count
        for peer in peers { peer.send(WireBytes.ping) }
        return await events.wait(within: bound) { $0.pingsAcknowledged >= target }
    }

    /// Waits until the server's RSS reaches `bytes`, reading it every 20 ms (nothing announces
    /// it); false when `bound` passes first.
    public func waitForResident(atLeast bytes: Int, within bound: Duration) async -> Bool {
        let end = ContinuousClock.now + bound
        while serverMemory.resident < bytes {
            guard ContinuousClock.now < end else { return false }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return true
    }
}
