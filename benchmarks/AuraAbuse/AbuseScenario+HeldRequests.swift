import AuraBytes
import AuraWire

extension AbuseScenario {
    /// Many connections, each holding an incomplete 512 KiB request (four 128 KiB fragments,
    /// the last still promising MORE): legal, so the server keeps them until the peers close;
    /// the peak shows what it holds for them, the after figure whether it gives it back.
    public static func incompleteMessages(scale: Int) -> AbuseScenario {
        let count = 100 * scale
        let fragment = WireBytes.frame(.message(streamID: 1, payload: ByteBuffer(bytes: [UInt8](repeating: 7, count: 128 << 10)), flags: .more))
        let request = WireBytes.handshake + WireBytes.openCall(1) + Array([[UInt8]](repeating: fragment, count: 4).joined())
        return heldRequests(name: "incomplete messages", connections: count, request: request)
    }

    /// Many connections with fifty calls open each, every HEADERS carrying 4 KiB of legal
    /// metadata; the calls wait for requests that never come, until the peers close.
    public static func largeMetadata(scale: Int) -> AbuseScenario {
        let count = 20 * scale
        var metadata = Metadata()
        for index in 0..<8 { metadata.add("x-padding-\(index)", String(repeating: "m", count: 512)) }
        let calls = stride(from: UInt32(1), to: 100, by: 2).flatMap { WireBytes.openCall($0, metadata: metadata) }
        return heldRequests(name: "large metadata", connections: count, request: WireBytes.handshake + calls)
    }

    /// `connections` peers send `request`, make sure the server has read it all (a PING
    /// answered behind it), then close.
    static func heldRequests(name: String, connections count: Int, request: [UInt8]) -> AbuseScenario {
        AbuseScenario(
            name: name,
            act: { crowd in
                let peers = try await crowd.connect(count) { $0.send(request) }
                let processed = await crowd.barrier(peers, within: .seconds(30))
                for peer in peers { peer.close() }
                return AbuseOutcome(connections: count, counts: crowd.events.counts, waitsCompleted: processed)
            },
            check: { outcome in
                outcome.waitsCompleted ? [] : ["the server did not answer a PING behind the requests: \(outcome.counts)"]
            })
    }
}
