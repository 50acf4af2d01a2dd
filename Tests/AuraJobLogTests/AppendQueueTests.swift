import AuraBytes
import Testing
@testable import AuraJobLog

/// The append queue's bookkeeping, event by event, without threads.
@Suite struct AppendQueueTests {
    private func entry(_ id: Int, bytes: Int) -> AppendQueue<Int>.Entry { .init(records: [], bytes: bytes, waiter: id) }

    private func batch(_ step: AppendQueue<Int>.WriterStep) -> [Int]? {
        if case .write(let entries) = step { entries.map(\.waiter) } else { nil }
    }

    @Test func theWriterTakesEverythingReadyAsOneBatch() {
        var queue = AppendQueue<Int>(limit: 100)
        guard case .wait = queue.nextWriterStep() else { Issue.record("an empty queue must wait"); return }
        guard case .queued(wakeWriter: true) = queue.submit(entry(1, bytes: 10)) else { Issue.record("1 must wake the writer"); return }
        for id in 2...3 {
            guard case .queued(wakeWriter: false) = queue.submit(entry(id, bytes: 10)) else { Issue.record("\(id): the writer is awake"); return }
        }
        #expect(batch(queue.nextWriterStep()) == [1, 2, 3])
        guard case .wait = queue.nextWriterStep() else { Issue.record("nothing should be left"); return }
    }

    @Test func beyondTheLimitAppendsWaitInOrderAndAreLetInAsTheWriterTakes() {
        var queue = AppendQueue<Int>(limit: 100)
        _ = queue.submit(entry(1, bytes: 60))
        guard case .waiting = queue.submit(entry(2, bytes: 60)) else { Issue.record("2 should wait"); return }
        guard case .waiting = queue.submit(entry(3, bytes: 1)) else { Issue.record("3 must not overtake 2"); return }
        #expect(queue.waitingCount == 2)
        #expect(batch(queue.nextWriterStep()) == [1])
        #expect(queue.waitingCount == 0 && queue.readyBytes == 61)
        #expect(batch(queue.nextWriterStep()) == [2, 3])
    }

    @Test func anAppendLargerThanTheLimitStillGoesAloneIntoAnEmptyQueue() {
        var queue = AppendQueue<Int>(limit: 100)
        guard case .queued = queue.submit(entry(1, bytes: 500)) else { Issue.record("a large append must not wait forever"); return }
        #expect(batch(queue.nextWriterStep()) == [1])
    }

    @Test func closeRefusesNewAppendsButWritesWhatIsQueuedThenExits() {
        var queue = AppendQueue<Int>(limit: 100)
        _ = queue.submit(entry(1, bytes: 10))
        queue.close()
        guard case .refused(.closed) = queue.submit(entry(2, bytes: 10)) else { Issue.record("append after close accepted"); return }
        #expect(batch(queue.nextWriterStep()) == [1])
        guard case .exit = queue.nextWriterStep() else { Issue.record("writer should exit"); return }
        guard case .closed = queue.state else { Issue.record("not closed"); return }
    }

    @Test func failHandsBackEverythingAndRefusesLaterAppendsWithTheError() {
        var queue = AppendQueue<Int>(limit: 10)
        _ = queue.submit(entry(1, bytes: 10))
        _ = queue.submit(entry(2, bytes: 10))
        let error = JobLogError.io(.init(call: "fdatasync", errno: 5))
        #expect(queue.fail(error).map(\.waiter) == [1, 2])
        guard case .refused(error) = queue.submit(entry(3, bytes: 1)) else { Issue.record("append after failure accepted"); return }
        queue.close()
        guard case .exit = queue.nextWriterStep() else { Issue.record("writer should exit"); return }
    }
}
