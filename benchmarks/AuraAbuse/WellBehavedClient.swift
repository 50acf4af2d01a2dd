import AuraClient
import AuraMessages
import Synchronization

/// A client that keeps calling aura.Health/Check (one call in flight, a short pause between
/// calls) while a scenario runs, and records every failure and the slowest call.
final class WellBehavedClient: Sendable {
    /// What it saw.
    struct Figures: Sendable {
        var calls = 0
        /// The first failures, "CODE: message" (at most 10 kept).
        var failures: [String] = []
        var failureCount = 0
        var maxLatency = Duration.zero
    }

    private let client: AuraClient
    private let figures = Mutex(Figures())
    private let running = Mutex<Task<Void, Never>?>(nil)
    private let stopping = Atomic<Bool>(false)

    init(address: String, configuration: ClientConfiguration) {
        client = AuraClient(address: address, configuration: configuration)
    }

    /// Makes `count` calls before anything is measured; throws if one fails.
    func warmUp(_ count: Int) async throws {
        for _ in 0..<count { _ = try await check() }
    }

    /// Starts calling, until `stop()`.
    func start() {
        let task = Task { [self] in
            while !stopping.load(ordering: .relaxed) {
                let started = ContinuousClock.now
                var failure: String?
                do { _ = try await check() } catch { failure = "\(error)" }
                let latency = ContinuousClock.now - started
                figures.withLock { figures in
                    figures.calls += 1
                    figures.maxLatency = max(figures.maxLatency, latency)
                    if let failure {
                        figures.failureCount += 1
                        if figures.failures.count < 10 { figures.failures.append(failure) }
                    }
                }
                try? await Task.sleep(for: .milliseconds(5))
            }
        }
        running.withLock { $0 = task }
    }

    /// Stops calling and closes; returns what it saw.
    func stop() async -> Figures {
        stopping.store(true, ordering: .relaxed)
        await running.withLock { $0 }?.value
        await client.shutdown()
        return figures.withLock { $0 }
    }

    private func check() async throws -> HealthCheckResponse {
        try await client.unary("aura.Health/Check", HealthCheckRequest(), as: HealthCheckResponse.self)
    }
}
