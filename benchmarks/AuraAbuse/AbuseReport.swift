/// What one scenario did to the server and to the well-behaved client.
public struct AbuseReport: Sendable {
    /// The scenario's name.
    public let scenario: String
    /// Server RSS in bytes before the abuse, at its peak during it, and once it ended.
    public let residentBefore: Int, residentPeak: Int, residentAfter: Int
    /// Calls the well-behaved client made during the abuse.
    public let clientCalls: Int
    /// How many of them failed, and the first failures.
    public let clientFailureCount: Int
    public let clientFailures: [String]
    /// Its slowest call.
    public let clientMaxLatency: Duration
    /// What the abusers saw.
    public let outcome: AbuseOutcome
    /// What the scenario's check found wrong; empty when the server did its job.
    public let problems: [String]
    /// How long the abuse took.
    public let elapsed: Duration

    /// One table row: the scenario, RSS before/peak/after in MiB, the client's max latency.
    public var row: String {
        let mebibytes = { (bytes: Int) in String(format: "%.1f", Double(bytes) / 1_048_576) }
        let columns = [
            scenario.padding(toLength: 34, withPad: " ", startingAt: 0),
            "conns=\(outcome.connections)".padding(toLength: 12, withPad: " ", startingAt: 0),
            "rss_before_mib=\(mebibytes(residentBefore))", "rss_peak_mib=\(mebibytes(residentPeak))",
            "rss_after_mib=\(mebibytes(residentAfter))",
            "client_calls=\(clientCalls)", "client_failures=\(clientFailureCount)",
            "client_max_ms=\(String(format: "%.1f", clientMaxLatency.milliseconds))",
            "s=\(String(format: "%.1f", elapsed.milliseconds / 1000))",
        ]
        return columns.joined(separator: "  ") + (problems.isEmpty ? "" : "  PROBLEMS: \(problems.joined(separator: "; "))")
    }
}

extension Duration {
    /// The duration in (fractional) milliseconds.
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
