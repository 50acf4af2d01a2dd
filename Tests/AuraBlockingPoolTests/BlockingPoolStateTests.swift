import Testing
@testable import AuraBlockingPool

/// The pool's bookkeeping, event by event, without threads.
@Suite struct BlockingPoolStateTests {
    private func job(_ id: UInt64) -> BlockingJob { BlockingJob(id: id, run: {}, fail: { _ in }) }

    private func runs(_ step: BlockingPoolState.WorkerStep, id: UInt64, wakeAnother: Bool = false) -> Bool {
        if case .run(let job, let wake) = step { job.id == id && wake == wakeAnother } else { false }
    }

    @Test func submitQueuesUntilFullThenWaitsOrRefuses() {
        var state = BlockingPoolState(queueCapacity: 2)
        state.threadStarting()
        guard case .queued = state.submit(job(1), waitForSlot: false) else { Issue.record("1 not queued"); return }
        guard case .queued = state.submit(job(2), waitForSlot: true) else { Issue.record("2 not queued"); return }
        guard case .waitingForSlot = state.submit(job(3), waitForSlot: true) else { Issue.record("3 not waiting"); return }
        guard case .refused(let error) = state.submit(job(4), waitForSlot: false) else { Issue.record("4 accepted"); return }
        #expect(error as? BlockingPoolError == .queueFull)
        #expect(state.queuedCount == 2 && state.waitingForSlotCount == 1)
    }

    @Test func takingAJobGivesItsSlotToTheOldestWaiter() {
        var state = BlockingPoolState(queueCapacity: 1)
        state.threadStarting()
        _ = state.submit(job(1), waitForSlot: true)
        _ = state.submit(job(2), waitForSlot: true)
        #expect(runs(state.nextWorkerStep(), id: 1, wakeAnother: true))
        #expect(state.queuedCount == 1 && state.waitingForSlotCount == 0)
        #expect(runs(state.nextWorkerStep(), id: 2))
        guard case .wait = state.nextWorkerStep() else { Issue.record("an idle running pool must wait"); return }
    }

    @Test func cancelTakesBackQueuedAndWaitingJobsOnly() {
        var state = BlockingPoolState(queueCapacity: 1)
        state.threadStarting()
        _ = state.submit(job(1), waitForSlot: true)
        _ = state.submit(job(2), waitForSlot: true)
        #expect(state.cancel(2)?.id == 2)
        #expect(state.cancel(2) == nil)
        #expect(runs(state.nextWorkerStep(), id: 1))
        #expect(state.cancel(1) == nil)  // running: not taken back
    }

    @Test func shutdownRefusesWorkFailsWaitersAndDrainsTheQueue() {
        var state = BlockingPoolState(queueCapacity: 1)
        state.threadStarting()
        state.threadStarting()
        _ = state.submit(job(1), waitForSlot: true)
        _ = state.submit(job(2), waitForSlot: true)
        #expect(state.shutdown().map(\.id) == [2])
        #expect(state.lifecycle == .draining)
        guard case .refused(let error) = state.submit(job(3), waitForSlot: true) else { Issue.record("accepted"); return }
        #expect(error as? BlockingPoolError == .shutDown)
        #expect(runs(state.nextWorkerStep(), id: 1))
        guard case .exit(let first) = state.nextWorkerStep(), first.isEmpty else { Issue.record("first thread"); return }
        #expect(state.lifecycle == .draining)
        guard case .exit = state.nextWorkerStep() else { Issue.record("last thread"); return }
        #expect(state.lifecycle == .stopped)
        #expect(state.shutdown().isEmpty)
    }
}
