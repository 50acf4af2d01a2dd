import Synchronization
import Testing
@testable import AuraPosix

@Suite struct SerialQueueTests {
    /// Records what ran, in order, and whether two closures ever overlapped.
    final class Journal: Sendable {
        let state = Mutex<(order: [Int], running: Int, overlapped: Bool)>(([], 0, false))
        func run(_ value: Int) {
            state.withLock {
                $0.running += 1
                if $0.running > 1 { $0.overlapped = true }
            }
            var mixed = UInt64(value)  // long enough for an overlap to show
            for round in 0..<2_000 { mixed = (mixed ^ UInt64(round)) &* 0x9e37_79b9_7f4a_7c15 }
            state.withLock {
                $0.order.append(mixed == 0 ? -1 : value)
                $0.running -= 1
            }
        }
    }

    @Test func runsWorkInOrderOneAtATimeFromManyThreads() throws {
        let queue = SerialQueue(name: "test-serial")
        let journal = Journal()
        let done = Semaphore()
        let perThread = 200
        let threads = try (0..<4).map { t in
            try PosixThread.spawn(name: "feeder-\(t)") {
                for i in 0..<perThread { queue.async { journal.run(t * perThread + i) } }
            }
        }
        threads.forEach { $0.join() }
        queue.async { done.signal() }
        done.wait()
        let state = journal.state.withLock { $0 }
        #expect(!state.overlapped)
        #expect(state.order.count == 4 * perThread)
        for t in 0..<4 {  // each feeder's work ran in the order it was queued
            let mine = state.order.filter { $0 / perThread == t }
            #expect(mine == Array(t * perThread..<(t + 1) * perThread))
        }
    }

    @Test func aSuspendedQueueHoldsItsWorkUntilActivated() {
        let queue = SerialQueue(name: "test-suspended", startsSuspended: true)
        let ran = Mutex(false)
        let done = Semaphore()
        queue.async { ran.withLock { $0 = true } }
        queue.async { done.signal() }
        // Nothing may run before activation; a third closure, queued and awaited on a second
        // queue that is active, proves time passed without it.
        let other = SerialQueue(name: "test-other")
        let otherDone = Semaphore()
        other.async { otherDone.signal() }
        otherDone.wait()
        #expect(ran.withLock { $0 } == false)
        queue.activate()
        done.wait()
        #expect(ran.withLock { $0 })
        queue.activate()  // idempotent
    }

    @Test func workQueuedByWorkRunsAfterIt() {
        let queue = SerialQueue(name: "test-nested")
        let order = Mutex<[String]>([])
        let done = Semaphore()
        queue.async {
            queue.async {
                order.withLock { $0.append("inner") }
                done.signal()
            }
            order.withLock { $0.append("outer") }
        }
        done.wait()
        #expect(order.withLock { $0 } == ["outer", "inner"])
    }

    @Test func aSemaphoreCountsSignalsBeforeWaits() throws {
        let semaphore = Semaphore(count: 1)
        semaphore.signal()
        semaphore.wait()
        semaphore.wait()  // both taken without blocking
        let waiter = try PosixThread.spawn(name: "sem-waiter") { semaphore.wait() }
        semaphore.signal()
        waiter.join()  // returns only because the signal let the waiter through
    }
}
