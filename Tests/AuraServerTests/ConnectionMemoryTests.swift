@testable import AuraServer
import Testing

/// `ConnectionMemory` and `MemoryBudget` alone: byte counts in, actions and charges out.
@Suite struct ConnectionMemoryTests {
    static let share = 1 << 20

    static func machine(limit: Int = 16 << 20) -> (ConnectionMemory, MemoryBudget) {
        let budget = MemoryBudget(limit: limit, connectionShare: share)
        return (ConnectionMemory(budget: budget), budget)
    }

    @Test func repliesPastTheSharePauseUntilTheyDrainToHalfOfIt() {
        var (memory, _) = Self.machine()
        #expect(memory.update(incomplete: 0, queuedOutbound: Self.share) == .none, "at the share: still flowing")
        #expect(memory.update(incomplete: 0, queuedOutbound: Self.share + 1) == .pause)
        #expect(memory.isPaused)
        #expect(memory.update(incomplete: 0, queuedOutbound: 2 * Self.share) == .none, "paused once")
        #expect(memory.update(incomplete: 0, queuedOutbound: Self.share / 2 + 1) == .none, "above half: still paused")
        #expect(memory.update(incomplete: 0, queuedOutbound: Self.share / 2) == .resume)
        #expect(!memory.isPaused)
        #expect(memory.update(incomplete: 0, queuedOutbound: 0) == .none)
    }

    @Test func requestsPastTheShareEndTheConnection() {
        var (memory, _) = Self.machine()
        memory.deliveredBytes = Self.share / 2
        #expect(memory.update(incomplete: Self.share / 2, queuedOutbound: 0) == .none)
        #expect(memory.update(incomplete: Self.share / 2 + 1, queuedOutbound: 0) == .inboundOverShare)
        #expect(memory.inbound == Self.share + 1)
    }

    @Test func everythingHeldIsChargedInQuantaAndGivenBackOnRelease() {
        var (memory, budget) = Self.machine()
        let quantum = MemoryBudget.chargeQuantum
        memory.deliveredBytes = 1000
        _ = memory.update(incomplete: 2000, queuedOutbound: 3 * quantum)
        #expect(memory.total == 3000 + 3 * quantum)
        #expect(budget.usedBytes == 4 * quantum, "rounded up to a quantum")
        #expect(memory.charged == budget.usedBytes)
        memory.release()
        #expect(budget.usedBytes == 0)
        #expect(memory.phase == .released)
        memory.deliveredBytes = 5
        #expect(memory.update(incomplete: 0, queuedOutbound: Self.share * 4) == .none, "a released connection ignores updates")
        #expect(budget.usedBytes == 0)
    }

    @Test func smallSwingsDoNotTouchTheSharedCounter() {
        var (memory, budget) = Self.machine()
        _ = memory.update(incomplete: 0, queuedOutbound: 300)
        #expect(budget.usedBytes == MemoryBudget.chargeQuantum)
        for size in [0, 200, 0, 700, 1, 0] {
            _ = memory.update(incomplete: 0, queuedOutbound: size)
            #expect(budget.usedBytes == MemoryBudget.chargeQuantum, "no change for \(size) bytes")
        }
        // A large burst is charged, and given back when it is gone.
        _ = memory.update(incomplete: 0, queuedOutbound: 10 * MemoryBudget.chargeQuantum)
        #expect(budget.usedBytes == 10 * MemoryBudget.chargeQuantum)
        _ = memory.update(incomplete: 0, queuedOutbound: 0)
        #expect(budget.usedBytes == 0)
        #expect(memory.peak == 10 * MemoryBudget.chargeQuantum)
    }

    @Test func aSpentBudgetRefusesNewCallsOnlyToHeavyConnections() {
        let budget = MemoryBudget(limit: 4 << 20, connectionShare: 8 << 20)
        var heavy = ConnectionMemory(budget: budget)
        var light = ConnectionMemory(budget: budget)
        _ = light.update(incomplete: 0, queuedOutbound: 500)
        _ = heavy.update(incomplete: 0, queuedOutbound: 3 << 20)
        #expect(heavy.admitsNewCalls && light.admitsNewCalls, "within the budget everyone is served")
        _ = heavy.update(incomplete: 0, queuedOutbound: 5 << 20)
        #expect(budget.isExhausted)
        #expect(!heavy.admitsNewCalls)
        #expect(light.admitsNewCalls, "a connection holding little is still served")
        heavy.release()
        #expect(!budget.isExhausted)
        #expect(budget.usedBytes == light.charged)
    }
}

/// `TrimSchedule`: a trim soon after a request and a follow-up later, at least the interval
/// apart, one thread at a time.
@Suite struct TrimScheduleTests {
    static func schedule() -> TrimSchedule {
        TrimSchedule(minimumInterval: .seconds(1), settleDelay: .milliseconds(50), followUp: .seconds(2))
    }

    @Test func aRequestGetsATrimSoonAndAFollowUpThenTheThreadEnds() {
        var schedule = Self.schedule()
        let start = ContinuousClock.now
        let startsThread = schedule.request(at: start)
        #expect(startsThread, "no thread yet: start one")
        let startsAnother = schedule.request(at: start + .milliseconds(10))
        #expect(!startsAnother, "the running thread serves it")
        let first = schedule.nextRun()
        #expect(first == start + .milliseconds(50))
        schedule.ran(at: start + .milliseconds(50))
        let followUp = schedule.nextRun()
        #expect(followUp == start + .milliseconds(2010), "a follow-up after the latest request")
        schedule.ran(at: start + .milliseconds(2010))
        let none = schedule.nextRun()
        #expect(none == nil, "nothing more: the thread ends")
        let startsAgain = schedule.request(at: start + .seconds(10))
        #expect(startsAgain, "a later request starts a thread again")
    }

    @Test func trimsAreAtLeastTheIntervalApart() {
        var schedule = Self.schedule()
        let start = ContinuousClock.now
        _ = schedule.request(at: start)
        schedule.ran(at: start + .milliseconds(50))
        _ = schedule.request(at: start + .milliseconds(100))
        let second = schedule.nextRun()
        #expect(second == start + .milliseconds(1050), "not before a second after the last trim")
        schedule.ran(at: start + .milliseconds(1050))
        let followUp = schedule.nextRun()
        #expect(followUp == start + .milliseconds(2100))
    }
}
