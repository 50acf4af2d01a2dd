import AuraBytes
import AuraMessages
import AuraWire

extension AbuseScenario {
    /// Clients that pipeline a hundred calls for 2 MiB replies each and never read, with
    /// windows of 2 GiB so that only the memory budget can stop the server: it must stop
    /// running their handlers once their outbound queues reach their 8 MiB shares, so its RSS
    /// grows by about the shares (and the replies in flight) and no more, however long they stay.
    public static func neverReading(scale: Int) -> AbuseScenario {
        let count = 4 * scale
        let share = 8 << 20
        let response = 2 << 20
        // Handlers already running when a queue passes its share still finish (the budget
        // allows two replies beyond it, each with its payload and its encoded copy: measured
        // at 15-16 MiB an abuser, at scale 1 and 5); 48 MiB for the allocator's arenas.
        let bound = count * (share + 4 * response) + (48 << 20)
        return nonReaders(
            name: "never reading", count: count, calls: 100, responseSize: response,
            serverArguments: ["--connection-memory-mb", "\(share >> 20)"], peakGrowthLimit: bound,
            piledUp: count * share / 2, overshoot: bound)
    }

    /// Four clients that never read, each holding 40 MiB of replies (within the default 64 MiB
    /// share); once they close, the server frees the replies and its heap trimmer gives the
    /// pages back, so RSS returns to within 32 MiB of its baseline (usually within 1; one run
    /// in many keeps 16-20 MiB in fragments the trimmer cannot return). A server that kept the
    /// replies would stay 128 MiB or more above it.
    public static func memoryReturns(scale _: Int) -> AbuseScenario {
        nonReaders(
            name: "memory returns", count: 4, calls: 40, responseSize: 1 << 20,
            serverArguments: [], peakGrowthLimit: 4 * (64 << 20) + (64 << 20), afterGrowthLimit: 32 << 20,
            piledUp: 128 << 20, overshoot: nil)
    }

    /// `count` peers that stop reading and pipeline `calls` unary TestService calls asking for
    /// `responseSize` bytes each; they wait until the server's RSS grew by `piledUp` (their
    /// replies are built), give it a second to grow past `overshoot` if it would, then close.
    static func nonReaders(
        name: String, count: Int, calls: Int, responseSize: Int, serverArguments: [String],
        peakGrowthLimit: Int, afterGrowthLimit: Int? = nil, piledUp: Int, overshoot: Int?
    ) -> AbuseScenario {
        var settings = Settings()
        settings.initialStreamWindow = UInt32(Int32.max)
        settings.connectionWindow = UInt32(Int32.max)
        let request = SimpleRequest(responseSize: Int32(responseSize)).encoded()
        return AbuseScenario(
            name: name, serverArguments: ["--conformance"] + serverArguments,
            peakGrowthLimit: peakGrowthLimit, afterGrowthLimit: afterGrowthLimit,
            act: { [settings] crowd in
                let bytes = (0..<calls).reduce(into: WireBytes.handshake(settings)) { bytes, index in
                    bytes += WireBytes.call(UInt32(2 * index + 1), method: TestMethod.unary, request: request, metadata: crowd.credentials)
                }
                let baseline = crowd.serverMemory.resident
                let peers = try await crowd.connect(count) { peer in
                    peer.stopReading()
                    peer.send(bytes)
                }
                let served = await crowd.waitForResident(atLeast: baseline + piledUp, within: .seconds(30))
                if let overshoot { _ = await crowd.waitForResident(atLeast: baseline + overshoot, within: .seconds(1)) }
                for peer in peers { peer.close() }
                return AbuseOutcome(connections: count, counts: crowd.events.counts, waitsCompleted: served)
            },
            check: { outcome in
                outcome.waitsCompleted ? [] : ["the server's RSS never grew by \(piledUp >> 20) MiB: the abusers' replies were not built"]
            })
    }
}

/// The aura.TestService methods the scenarios call (served with `--conformance`).
enum TestMethod {
    static let unary = "aura.TestService/UnaryCall"
}
