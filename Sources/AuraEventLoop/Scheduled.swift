import AuraPosix

/// A handle to work scheduled with `EventLoop.schedule(after:_:)`, used to cancel it.
public struct Scheduled: Sendable {
    let task: ScheduledTask
    let loop: EventLoop

    /// Cancels the work if it has not started: once `cancel()` returns, it will not run (unless
    /// it was already running or done). Safe from any thread; idempotent.
    public func cancel() {
        let claimed = loop.lock.withLock { () -> Bool in
            guard task.state == .pending else { return false }
            task.state = .cancelled
            return true
        }
        guard claimed else { return }
        if loop.inEventLoop {
            loop.removeTimer(task)
        } else {
            let (loop, task) = (self.loop, self.task)
            loop.enqueueWork(.closure { loop.removeTimer(task) })
        }
    }
}

/// A timer entry: its deadline, its work, and its place in the loop's heap.
final class ScheduledTask: @unchecked Sendable {  // `state` under the loop's lock, the rest loop-thread only
    enum State { case pending, cancelled, fired }

    /// `MonotonicClock` nanoseconds at which the work becomes due.
    let deadline: UInt64
    /// Insertion order, breaking ties between equal deadlines (loop thread only).
    var sequence: UInt64 = 0
    /// Position in the heap, or -1 when not in it (loop thread only).
    var heapIndex = -1
    /// Guarded by the owning loop's lock, so `cancel()` and firing agree across threads.
    var state = State.pending
    /// Released once fired or removed (loop thread only).
    var work: (@Sendable () -> Void)?

    init(deadline: UInt64, work: @escaping @Sendable () -> Void) {
        self.deadline = deadline
        self.work = work
    }

    /// True when `self` is due before `other`.
    @inline(__always)
    func precedes(_ other: ScheduledTask) -> Bool {
        deadline != other.deadline ? deadline < other.deadline : sequence < other.sequence
    }
}
