import AuraPosix

/// One kind of abuse, run against a fresh server while a well-behaved client keeps calling.
///
/// To add one: write a `static func` in an extension (a file of its own) that returns an
/// `AbuseScenario` with the server flags it needs, what the abusers do (`act`, which returns
/// once the server has dealt with them or they are done) and what must have happened
/// (`check`), then list it in `all(scale:)`. The harness measures the server's memory and the
/// client around it; the test and `aura-bench abuse` pick it up from the list.
public struct AbuseScenario: Sendable {
    /// A short name, for the report row and `--only`.
    public let name: String
    /// Flags for the server this scenario runs against (small timeouts, low limits).
    public let serverArguments: [String]
    /// Does the abuse against a server at `crowd`'s address; returns what it saw.
    let act: @Sendable (_ crowd: PeerCrowd) async throws -> AbuseOutcome
    /// What went wrong, judged from the outcome; empty when the server did its job.
    let check: @Sendable (_ outcome: AbuseOutcome) -> [String]

    /// Creates a scenario.
    public init(
        name: String, serverArguments: [String] = [],
        act: @escaping @Sendable (_ crowd: PeerCrowd) async throws -> AbuseOutcome,
        check: @escaping @Sendable (_ outcome: AbuseOutcome) -> [String]
    ) {
        self.name = name
        self.serverArguments = serverArguments
        self.act = act
        self.check = check
    }

    /// Every scenario; `scale` multiplies the number of abusive connections (1 for tests).
    public static func all(scale: Int = 1) -> [AbuseScenario] {
        [
            slowloris(.preface, scale: scale), slowloris(.frameHeader, scale: scale), slowloris(.framePayload, scale: scale),
            idleConnections(scale: scale), incompleteMessages(scale: scale), largeMetadata(scale: scale),
            connectionLimit(.perAddress, scale: scale), connectionLimit(.total, scale: scale),
        ]
    }

    /// The scenario called `name` at `scale`.
    public static func named(_ name: String, scale: Int = 1) -> AbuseScenario? {
        all(scale: scale).first { $0.name == name }
    }
}

/// What a scenario's abusers saw.
public struct AbuseOutcome: Sendable {
    /// Abusive connections opened.
    public var connections: Int
    /// The server's events on them (closes, GOAWAYs, acknowledgements).
    public var counts: PeerEvents.Counts
    /// Whether every wait of the scenario ended by its event rather than its bound.
    public var waitsCompleted: Bool

    /// Creates an outcome.
    public init(connections: Int, counts: PeerEvents.Counts, waitsCompleted: Bool) {
        self.connections = connections
        self.counts = counts
        self.waitsCompleted = waitsCompleted
    }

    /// Problems if not every connection was closed by the server with GOAWAY `code` and a
    /// reason starting with `reason`.
    func expectAllDropped(code: String, reason: String) -> [String] {
        var problems: [String] = []
        if counts.closedByServer != connections {
            problems.append("the server closed \(counts.closedByServer) of \(connections) abusive connections")
        }
        let matching = counts.goAways.filter { $0.key.hasPrefix("\(code): \(reason)") }.values.reduce(0, +)
        if matching != connections {
            problems.append("\(matching) of \(connections) got GOAWAY \(code) \"\(reason)...\"; GOAWAYs: \(counts.goAways)")
        }
        return problems
    }
}
