import AuraWire

extension AbuseScenario {
    /// Where a slowloris peer starts trickling.
    public enum SlowStage: String, Sendable {
        /// The preface itself, one byte at a time: the handshake timeout drops it.
        case preface
        /// After a complete handshake, a frame header one byte at a time.
        case frameHeader = "frame-header"
        /// After a complete handshake and a frame header, the payload one byte at a time.
        case framePayload = "frame-payload"
    }

    /// Peers that trickle one byte every 250 ms (faster than any timeout, so only a limit on
    /// the whole handshake or frame stops them); the server must drop each within its 1 s
    /// handshake or frame read timeout.
    public static func slowloris(_ stage: SlowStage, scale: Int) -> AbuseScenario {
        let count = 20 * scale
        let frame = WireBytes.openCall(1, metadata: ["padding": String(repeating: "x", count: 200)])
        let (sent, trickled): ([UInt8], [UInt8]) =
            switch stage {
            case .preface: ([], WireBytes.handshake)
            case .frameHeader: (WireBytes.handshake, frame)
            case .framePayload: (WireBytes.handshake + frame.prefix(9), Array(frame.dropFirst(9)))
            }
        return AbuseScenario(
            name: "slowloris \(stage.rawValue)", serverArguments: ["--handshake-timeout", "1s", "--frame-read-timeout", "1s"],
            act: { crowd in
                let peers = try await crowd.connect(count) { peer in
                    if !sent.isEmpty { peer.send(sent) }
                    peer.trickle(trickled, every: .milliseconds(250))
                }
                let dropped = await crowd.waitForServerCloses(count, within: .seconds(20))
                for peer in peers { peer.close() }
                return AbuseOutcome(connections: count, counts: crowd.events.counts, waitsCompleted: dropped)
            },
            check: { outcome in
                outcome.expectAllDropped(
                    code: "DEADLINE_EXCEEDED", reason: stage == .preface ? "handshake timeout" : "frame read timeout")
            })
    }
}
