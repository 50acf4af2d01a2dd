import AuraPosix
import Glibc
import Testing
@testable import AuraBlockingPool

@Suite struct BlockingPoolTests {
    @Test func workRunsOnAPoolThreadNotTheCallers() async throws {
        let pool = BlockingPool(threadCount: 2, queueCapacity: 4)
        let caller = PosixThread.currentHandle
        let worker = try await pool.run { PosixThread.currentHandle }
        #expect(pthread_equal(caller, worker) == 0)
        await pool.shutdown()
    }

    @Test func resultsAndErrorsPropagate() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        #expect(try await pool.run { 6 * 7 } == 42)
        await #expect(throws: Failure(code: 7)) { try await pool.run { () throws -> Int in throw Failure(code: 7) } }
        #expect(try await pool.tryRun { "ok" } == "ok")
        await pool.shutdown()
    }

    @Test func callerIsFreeWhileWorkBlocks() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let gate = Gate()
        let events = Events()
        let blocked = Task { try await pool.run { events.signal("started"); gate.wait(); return 1 } }
        #expect(await events.next() == "started")
        gate.open()  // this task ran while the work was blocked on its thread
        #expect(try await blocked.value == 1)
        await pool.shutdown()
    }

    @Test func tryRunFailsWhenTheQueueIsFull() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let gate = Gate()
        let events = Events()
        let running = Task { try await pool.run { events.signal("running"); gate.wait(); return 1 } }
        #expect(await events.next() == "running")
        let queued = Task { try await pool.run { 2 } }
        await eventually { pool.pendingJobs.queued == 1 }
        await #expect(throws: BlockingPoolError.queueFull) { try await pool.tryRun { 3 } }
        gate.open()
        #expect(try await running.value == 1)
        #expect(try await queued.value == 2)
        await pool.shutdown()
    }

    @Test func runWaitsForAQueueSlotThenRuns() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let gate = Gate()
        let events = Events()
        let running = Task { try await pool.run { events.signal("running"); gate.wait(); return 1 } }
        #expect(await events.next() == "running")
        let queued = Task { try await pool.run { 2 } }
        await eventually { pool.pendingJobs.queued == 1 }
        let waiting = Task { try await pool.run { 3 } }
        await eventually { pool.pendingJobs.waitingForSlot == 1 }
        gate.open()
        #expect(try await [running.value, queued.value, waiting.value] == [1, 2, 3])
        await pool.shutdown()
    }

    @Test func cancelledQueuedWorkNeverRuns() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 2)
        let gate = Gate()
        let events = Events()
        let running = Task { try await pool.run { events.signal("running"); gate.wait(); return "first" } }
        #expect(await events.next() == "running")
        let cancelled = Task { try await pool.run { events.signal("cancelled work ran"); return "second" } }
        await eventually { pool.pendingJobs.queued == 1 }
        cancelled.cancel()
        await #expect(throws: CancellationError.self) { try await cancelled.value }
        #expect(pool.pendingJobs.queued == 0)
        gate.open()
        #expect(try await running.value == "first")
        #expect(try await pool.run { events.signal("third"); return 3 } == 3)
        #expect(await events.next() == "third")  // not "cancelled work ran"
        await pool.shutdown()
    }

    @Test func cancelledSlotWaiterGivesUpItsPlace() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let gate = Gate()
        let events = Events()
        let running = Task { try await pool.run { events.signal("running"); gate.wait(); return 1 } }
        #expect(await events.next() == "running")
        let queued = Task { try await pool.run { 2 } }
        await eventually { pool.pendingJobs.queued == 1 }
        let waiting = Task { try await pool.run { 3 } }
        await eventually { pool.pendingJobs.waitingForSlot == 1 }
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(pool.pendingJobs.waitingForSlot == 0)
        gate.open()
        #expect(try await running.value == 1)
        #expect(try await queued.value == 2)
        await pool.shutdown()
    }

    @Test func runningWorkFinishesDespiteCancellation() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let gate = Gate()
        let events = Events()
        let running = Task { try await pool.run { events.signal("running"); gate.wait(); return 1 } }
        #expect(await events.next() == "running")
        running.cancel()
        gate.open()
        #expect(try await running.value == 1)
        await pool.shutdown()
    }

    @Test func alreadyCancelledTaskIsRefused() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let events = Events()
        let task = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            return try await pool.run { events.signal("ran"); return 1 }
        }
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(try await pool.run { events.signal("after"); return 2 } == 2)
        #expect(await events.next() == "after")
        await pool.shutdown()
    }

    @Test func shutdownRunsQueuedWorkAndFailsSlotWaiters() async throws {
        let pool = BlockingPool(threadCount: 1, queueCapacity: 1)
        let gate = Gate()
        let events = Events()
        let running = Task { try await pool.run { events.signal("running"); gate.wait(); return 1 } }
        #expect(await events.next() == "running")
        let queued = Task { try await pool.run { 2 } }
        await eventually { pool.pendingJobs.queued == 1 }
        let waiting = Task { try await pool.run { 3 } }
        await eventually { pool.pendingJobs.waitingForSlot == 1 }
        let shutdown = Task { await pool.shutdown() }
        await #expect(throws: BlockingPoolError.shutDown) { try await waiting.value }
        await #expect(throws: BlockingPoolError.shutDown) { try await pool.run { 4 } }
        gate.open()
        #expect(try await running.value == 1)
        #expect(try await queued.value == 2)
        await shutdown.value
        await #expect(throws: BlockingPoolError.shutDown) { try await pool.tryRun { 5 } }
    }

    @Test func shutdownIsIdempotentAndConcurrent() async {
        let pool = BlockingPool(threadCount: 3, queueCapacity: 1)
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<4 { group.addTask { await pool.shutdown() } }
        }
        await pool.shutdown()
        #expect(pool.pendingJobs == (0, 0))
    }

    @Test func manyConcurrentSubmittersAllGetTheirOwnResult() async throws {
        let pool = BlockingPool(threadCount: 3, queueCapacity: 4)
        let sum = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<500 {
                group.addTask { try await pool.run { index * 2 } == index * 2 ? index : -1 }
            }
            return try await group.reduce(0, +)
        }
        #expect(sum == (0..<500).reduce(0, +))
        await pool.shutdown()
    }
}
