import AuraHealth
import AuraMessages
import AuraMetrics
import AuraWire
import Synchronization
import Testing

@Suite struct HealthServiceTests {
    /// An `AlertMonitor` on inputs the test sets, shown by a `HealthService` as the server wires them.
    private final class Fixture: Sendable {
        final class Inputs: Sendable { let value = Mutex(AlertInputs()) }
        let inputs = Inputs()
        let monitor: AlertMonitor
        let health = HealthService(serving: ["aura.Sentiment"])

        init() {
            let inputs = inputs
            monitor = AlertMonitor(inputs: { inputs.value.withLock { $0 } }, now: { 42 }, log: { _ in })
            let monitor = monitor
            health.showAlerts {
                monitor.active.map { ServerAlert(name: $0.kind.rawValue, message: $0.message, sinceUnixMs: $0.sinceUnixMilliseconds) }
            }
        }

        /// Adds cache lookups (all misses) and evaluates the alerts once.
        func evaluate(misses: UInt64) {
            inputs.value.withLock { $0.cacheMisses += misses }
            monitor.evaluate()
        }
    }

    @Test func aFiringAlertShowsInEveryAnswerAndGoesWhenItClears() throws {
        let fixture = Fixture()
        #expect(try fixture.health.check(HealthCheckRequest()) == HealthCheckResponse(status: .serving))

        fixture.evaluate(misses: 10)  // a 0% hit rate over this window
        for service in ["", "aura.Sentiment"] {
            let answer = try fixture.health.check(HealthCheckRequest(service: service))
            #expect(answer.status == .serving, "a warning leaves the status SERVING")
            #expect(answer.alerts.map(\.name) == ["AuraLowCacheHitRate"])
            #expect(answer.alerts.first?.sinceUnixMs == 42)
            #expect(answer.alerts.first?.message.contains("cache hit rate 0.0% of 10 lookups") == true, "\(answer.alerts)")
        }

        fixture.evaluate(misses: 0)  // a window without lookups: resolved
        #expect(try fixture.health.check(HealthCheckRequest()) == HealthCheckResponse(status: .serving))
    }

    @Test func statusAndAlertsAreIndependent() throws {
        let fixture = Fixture()
        fixture.evaluate(misses: 1)
        fixture.health.setStatus(.notServing, for: "aura.Sentiment")
        let answer = try fixture.health.check(HealthCheckRequest(service: "aura.Sentiment"))
        #expect(answer.status == .notServing && answer.alerts.count == 1)
        #expect(throws: RPCError.self) { try fixture.health.check(HealthCheckRequest(service: "aura.Nope")) }
    }
}
