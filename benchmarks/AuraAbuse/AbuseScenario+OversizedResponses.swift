import AuraMessages
import AuraWire

extension AbuseScenario {
    /// Many connections with fifty calls each asking TestService for a 2 GiB reply (or a
    /// negative size): each must end at once with INVALID_ARGUMENT, before anything is
    /// allocated, so RSS does not grow.
    public static func oversizedResponses(scale: Int) -> AbuseScenario {
        let count = 20 * scale
        let calls = 50
        let requests = [SimpleRequest(responseSize: Int32.max).encoded(), SimpleRequest(responseSize: -1).encoded()]
        return streamErrors(
            name: "oversized responses", connections: count, streams: calls, code: "INVALID_ARGUMENT", serverArguments: ["--conformance"]
        ) { credentials in
            var bytes = WireBytes.handshake
            for index in 0..<calls {
                bytes += WireBytes.call(UInt32(2 * index + 1), method: TestMethod.unary, request: requests[index % 2], metadata: credentials)
            }
            return bytes
        }
    }

    /// `connections` peers send `bytes` (made with the crowd's credentials), which open
    /// `streams` calls each that the server must end with TRAILERS `code`, keeping the
    /// connections; RSS may grow by 16 MiB and 256 KiB a connection at most (its buffers and
    /// calls), far below one reply asked for.
    static func streamErrors(
        name: String, connections count: Int, streams: Int, code: String, serverArguments: [String] = [],
        bytes makeBytes: @escaping @Sendable (_ credentials: Metadata) -> [UInt8]
    ) -> AbuseScenario {
        let total = count * streams
        return AbuseScenario(
            name: name, serverArguments: serverArguments, peakGrowthLimit: (16 << 20) + count * (256 << 10),
            act: { crowd in
                let bytes = makeBytes(crowd.credentials)
                let peers = try await crowd.connect(count) { $0.send(bytes) }
                let ended = await crowd.events.wait(within: .seconds(30)) { $0.trailers.values.reduce(0, +) >= total }
                for peer in peers { peer.close() }
                return AbuseOutcome(connections: count, counts: crowd.events.counts, waitsCompleted: ended)
            },
            check: { outcome in
                var problems: [String] = []
                if !outcome.waitsCompleted || outcome.counts.trailers != [code: total] {
                    problems.append("expected \(total) calls ended \(code); trailers: \(outcome.counts.trailers)")
                }
                if outcome.counts.closedByServer > 0 || !outcome.counts.goAways.isEmpty {
                    problems.append("the server dropped connections for errors of single calls: \(outcome.counts)")
                }
                return problems
            })
    }
}
