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
    /// The most the server's RSS may grow above its baseline at the peak, if the scenario bounds it.
    public let peakGrowthLimit: Int?
    /// The most the server's RSS may stay above its baseline once the abusers left, if the
    /// scenario bounds it (the harness then waits longer for it to settle).
    public let afterGrowthLimit: Int?

    /// Creates a scenario.
    public init(
        name: String, serverArguments: [String] = [], peakGrowthLimit: Int? = nil, afterGrowthLimit: Int? = nil,
        act: @escaping @Sendable (_ crowd: PeerCrowd) async throws -> AbuseOutcome,
        check: @escaping @Sendable (_ outcome: AbuseOutcome) -> [String]
    ) {
        self.name = name
        self.serverArguments = serverArguments
        self.peakGrowthLimit = peakGrowthLimit
        self.afterGrowthLimit = afterGrowthLimit
        self.act = act
        self.check = check
    }

    /// Problems with the server's memory: RSS `before`, at its `peak` and `after` the abuse.
    func memoryProblems(before: Int, peak: Int, after: Int) -> [String] {
        var problems: [String] = []
        if let limit = peakGrowthLimit, peak - before > limit {
            problems.append("RSS grew by \((peak - before) >> 20) MiB at the peak, over \(limit >> 20) MiB")
        }
        if let limit = afterGrowthLimit, after - before > limit {
            problems.append("RSS stayed \((after - before) >> 20) MiB above its baseline, over \(limit >> 20) MiB")
        }
        return problems
    }

    /// Every scenario; `scale` multiplies the number of abusive connections (1 for tests).
    public static func all(scale: Int = 1) -> [AbuseScenario] {
        [
            slowloris(.preface, scale: scale), slowloris(.frameHeader, scale: scale), slowloris(.framePayload, scale: scale),
            idleConnections(scale: scale), incompleteMessages(scale: scale), largeMetadata(scale: scale),
            connectionLimit(.perAddress, scale: scale), connectionLimit(.total, scale: scale),
            neverReading(scale: scale), memoryReturns(scale: scale), oversizedResponses(scale: scale),
            metadataOverLimit(scale: scale), invalidMetadataKeys(scale: scale),
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
