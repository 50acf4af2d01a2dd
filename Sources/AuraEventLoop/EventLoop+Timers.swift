import AuraPosix

extension EventLoop {
    /// Runs `work` on the loop thread once `delay` has passed (millisecond precision; never
    /// early). Callable from any thread. Cancel with the returned handle.
    @discardableResult
    public func schedule(after delay: Duration, _ work: @escaping @Sendable () -> Void) -> Scheduled {
        let task = ScheduledTask(deadline: Self.deadline(after: delay), work: work)
        if inEventLoop {
            insertTimer(task)
        } else if !enqueueWork(.closure { [self] in insertTimer(task) }) {
            lock.withLock { task.state = .cancelled }
        }
        return Scheduled(task: task, loop: self)
    }

    private func insertTimer(_ task: ScheduledTask) {
        guard lock.withLock({ task.state == .pending }) else {
            task.work = nil
            return
        }
        timerSequence &+= 1
        task.sequence = timerSequence
        timers.insert(task)
    }

    /// Drops a cancelled timer from the heap (loop thread).
    func removeTimer(_ task: ScheduledTask) {
        timers.remove(task)
        task.work = nil
    }

    /// Runs every timer due now, in deadline order. Timers scheduled by these timers wait for
    /// the next iteration, even when already due.
    func runExpiredTimers() {
        guard let first = timers.first else { return }
        let now = MonotonicClock.nanoseconds()
        guard first.deadline <= now else { return }
        let lastSequence = timerSequence
        while let task = timers.first, task.deadline <= now, task.sequence <= lastSequence {
            _ = timers.removeFirst()
            let claimed = lock.withLock { () -> Bool in
                guard task.state == .pending else { return false }
                task.state = .fired
                return true
            }
            let work = task.work
            task.work = nil
            if claimed { work?() }
        }
    }

    /// How long `epoll_wait` may sleep: 0 when work is queued, until the nearest timer
    /// (rounded up to whole milliseconds), or -1 (forever) when idle.
    func nextTimeoutMilliseconds() -> CInt {
        if !localWork.isEmpty || !flushQueue.isEmpty { return 0 }
        guard let first = timers.first else { return -1 }
        let now = MonotonicClock.nanoseconds()
        guard first.deadline > now else { return 0 }
        let milliseconds = (first.deadline - now + 999_999) / 1_000_000
        return CInt(clamping: milliseconds)
    }

    /// Now plus `delay` in monotonic nanoseconds, saturating: a delay of centuries means never,
    /// not a wrapped-around moment in the past.
    static func deadline(after delay: Duration) -> UInt64 {
        let (sum, overflow) = MonotonicClock.nanoseconds().addingReportingOverflow(delay.clampedNanoseconds)
        return overflow ? .max : sum
    }
}
