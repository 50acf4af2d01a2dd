extension AbuseScenario {
    /// Thousands of connections that complete the handshake and then say nothing: the server
    /// holds them (the peak shows what an idle connection costs) and closes each after its
    /// idle timeout (3 s, a second more per 2,000 beyond the first, so that all are open at
    /// once) with GOAWAY "idle timeout".
    public static func idleConnections(scale: Int) -> AbuseScenario {
        let count = 2000 * scale
        let limit = "\(count + 100)"
        return AbuseScenario(
            name: "idle connections",
            serverArguments: ["--idle-timeout", "\(2 + scale)s", "--max-connections", limit, "--max-connections-per-address", limit],
            act: { crowd in
                let peers = try await crowd.connect(count) { $0.send(WireBytes.handshake) }
                let dropped = await crowd.waitForServerCloses(count, within: .seconds(60))
                for peer in peers { peer.close() }
                return AbuseOutcome(connections: count, counts: crowd.events.counts, waitsCompleted: dropped)
            },
            check: { $0.expectAllDropped(code: "OK", reason: "idle timeout") })
    }
}
