import AuraCrashHarness
import AuraEventLoop
import AuraPosix
import Foundation

/// Runs abuse scenarios: for each, a fresh `aura-server` child on 127.0.0.1 (an ephemeral
/// port), a well-behaved client that keeps calling throughout, and the server's RSS before,
/// at the peak of and after the abuse.
public struct AbuseHarness: Sendable {
    /// The aura-server binary to start.
    public let serverBinary: String
    /// Where the servers' data directories go (removed afterwards).
    public let directory: String

    /// Creates a harness.
    public init(serverBinary: String, directory: String) {
        self.serverBinary = serverBinary
        self.directory = directory
    }

    /// Runs `scenario` against a fresh server and reports.
    public func run(_ scenario: AbuseScenario) async throws -> AbuseReport {
        // Thousands of connections need thousands of descriptors on our side too.
        try OpenFileLimit.raiseToMaximum()
        let dataDirectory = "\(directory)/\(scenario.name.replacingOccurrences(of: " ", with: "-"))-\(UUID().uuidString.prefix(8))"
        let plugins = "\(dataDirectory)/no-plugins"  // nothing to load: a quick start, a quiet baseline
        try FileManager.default.createDirectory(atPath: plugins, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dataDirectory) }
        let server = try await ServerChild.start(
            binary: serverBinary, dataDirectory: dataDirectory,
            arguments: ["--loops", "2", "--plugins", plugins, "--log-level", "warning"] + scenario.serverArguments)
        let group = EventLoopGroup(loopCount: 1)
        let client = WellBehavedClient(address: server.address, configuration: server.clientConfiguration)
        do {
            let report = try await measure(scenario, server: server, client: client, loop: group.loops[0])
            await server.stop()
            await group.shutdownGracefully()
            return report
        } catch {
            _ = await client.stop()
            await server.stop()
            await group.shutdownGracefully()
            throw error
        }
    }

    private func measure(_ scenario: AbuseScenario, server: ServerChild, client: WellBehavedClient, loop: EventLoop) async throws -> AbuseReport {
        let memory = ServerMemory(pid: server.process.processIdentifier)
        try await client.warmUp(20)
        let before = memory.resident
        memory.resetPeak()
        client.start()
        let started = ContinuousClock.now
        let crowd = PeerCrowd(
            address: try SocketAddress(parsing: server.address), loop: loop, serverMemory: memory,
            apiKey: server.clientConfiguration.apiKey)
        let outcome = try await scenario.act(crowd)
        let elapsed = ContinuousClock.now - started
        let peak = max(memory.peak, memory.resident)
        let after = await settledResident(memory, near: before, within: scenario.afterGrowthLimit == nil ? .seconds(2) : .seconds(10))
        let figures = await client.stop()
        return AbuseReport(
            scenario: scenario.name, residentBefore: before, residentPeak: peak, residentAfter: after,
            clientCalls: figures.calls, clientFailureCount: figures.failureCount, clientFailures: figures.failures,
            clientMaxLatency: figures.maxLatency, outcome: outcome,
            problems: scenario.check(outcome) + scenario.memoryProblems(before: before, peak: peak, after: after), elapsed: elapsed)
    }

    /// The server's RSS once the abusers are gone: the server learns of their closes a moment
    /// after they happen and nothing tells us when, so this reads it every 50 ms for up to
    /// `bound`, returning early once it is within 4 MiB of `before`; the lowest reading otherwise.
    private func settledResident(_ memory: ServerMemory, near before: Int, within bound: Duration) async -> Int {
        var lowest = memory.resident
        let end = ContinuousClock.now + bound
        while lowest > before + (4 << 20), ContinuousClock.now < end {
            try? await Task.sleep(for: .milliseconds(50))
            lowest = min(lowest, memory.resident)
        }
        return lowest
    }
}
