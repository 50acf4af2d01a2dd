@testable import AuraPluginHost
import Testing

/// The worker state machine: events in, actions out, no processes.
@Suite struct WorkerLifecycleTests {
    private static let second: UInt64 = 1_000_000_000

    private func lifecycle(limit: Int = 3) -> WorkerLifecycle {
        var options = WorkerOptions(executablePath: "/none") { _ in }
        options.crashLimit = limit
        options.crashWindow = .seconds(60)
        options.restartBackoff = .milliseconds(100)
        options.maxRestartBackoff = .milliseconds(300)
        return WorkerLifecycle(options: options)
    }

    @Test func endWhileRunningRestartsWithADoublingCappedBackoff() {
        var machine = lifecycle(limit: 10)
        var delays: [UInt64] = []
        for crash in 0..<4 {
            guard case .restart(let delay) = machine.workerEnded(reason: "signal", at: UInt64(crash) * Self.second) else {
                Issue.record("no restart")
                return
            }
            delays.append(delay / 1_000_000)
            #expect(machine.unavailableReason?.contains("restarting") == true)
            let started = machine.workerStarted()
            #expect(started)
            #expect(machine.unavailableReason == nil)
        }
        #expect(delays == [100, 200, 300, 300])
    }

    @Test func endsBeyondTheWindowAreForgotten() {
        var machine = lifecycle()
        for minute in 0..<5 {
            let action = machine.workerEnded(reason: "signal", at: UInt64(minute) * 61 * Self.second)
            #expect(action == .restart(afterNanoseconds: 100_000_000))
            let started = machine.workerStarted()
            #expect(started)
        }
    }

    @Test func theThirdEndWithinTheWindowQuarantines() {
        var machine = lifecycle()
        _ = machine.workerEnded(reason: "signal SIGSEGV (11)", at: 0)
        let started = machine.workerStarted()
            #expect(started)
        _ = machine.workerEnded(reason: "signal SIGSEGV (11)", at: Self.second)
        let action = machine.workerEnded(reason: "signal SIGSEGV (11)", at: 2 * Self.second)
        guard case .quarantine(let reason) = action else {
            Issue.record("expected a quarantine, got \(action)")
            return
        }
        #expect(reason == "3 crashes within 60 s, the last: signal SIGSEGV (11)")
        #expect(machine.unavailableReason?.contains("quarantined") == true)
        let restarted = machine.workerStarted()
        #expect(restarted == false)
        let again = machine.workerEnded(reason: "again", at: 3 * Self.second)
        #expect(again == .none)
    }

    @Test func endAfterStopDoesNothing() {
        var machine = lifecycle()
        machine.stop()
        let ended = machine.workerEnded(reason: "signal", at: 0)
        #expect(ended == .none)
        let restarted = machine.workerStarted()
        #expect(restarted == false)
        #expect(machine.unavailableReason == "it is unloaded")
    }
}
