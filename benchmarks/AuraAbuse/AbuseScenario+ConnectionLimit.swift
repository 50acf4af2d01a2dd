extension AbuseScenario {
    /// Which connection limit a scenario runs into.
    public enum ConnectionLimitKind: String, Sendable {
        case perAddress = "per address"
        case total
    }

    /// Twice as many connections as a limit of 20 allows, all from 127.0.0.1 (so tests can
    /// reach one limit at a time): the server takes what fits (the well-behaved client holds
    /// one place) and turns the rest away with GOAWAY RESOURCE_EXHAUSTED, then closes them.
    public static func connectionLimit(_ kind: ConnectionLimitKind, scale: Int) -> AbuseScenario {
        let limit = 20 * scale
        let count = 2 * limit
        let flag = kind == .perAddress ? "--max-connections-per-address" : "--max-connections"
        return AbuseScenario(
            name: "over connection limit \(kind.rawValue)", serverArguments: [flag, "\(limit)"],
            act: { crowd in
                let peers = try await crowd.connect(count) { $0.send(WireBytes.handshake) }
                let settled = await crowd.events.wait(within: .seconds(20)) { $0.settingsAcknowledged + $0.closedByServer >= count }
                for peer in peers { peer.close() }
                return AbuseOutcome(connections: count, counts: crowd.events.counts, waitsCompleted: settled)
            },
            check: { outcome in
                let refused = outcome.counts.closedByServer
                let accepted = outcome.counts.settingsAcknowledged
                var problems: [String] = []
                if !outcome.waitsCompleted { problems.append("connections neither taken nor refused: \(outcome.counts)") }
                if accepted > limit - 1 { problems.append("\(accepted) connections taken beside the client's, over the limit of \(limit)") }
                if refused < count - limit { problems.append("only \(refused) of \(count) connections refused") }
                let goAways = outcome.counts.goAways.filter { $0.key.hasPrefix("RESOURCE_EXHAUSTED: too many connections") && $0.key.contains(flag + ")") }
                if goAways.values.reduce(0, +) != refused {
                    problems.append("refused connections without GOAWAY RESOURCE_EXHAUSTED naming \(flag): \(outcome.counts.goAways)")
                }
                return problems
            })
    }
}
