import AuraPosix

extension EventLoop {
    /// Runs `work` on the loop thread, after the work queued before it (FIFO per calling
    /// thread). Callable from any thread; from another thread it wakes the loop, writing the
    /// eventfd only when no wake-up is pending yet. Work sent after shutdown is dropped.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        enqueueWork(.closure(work))
    }

    /// Runs a Swift concurrency job on the loop thread (`TaskExecutor`), so code in
    /// `Task(executorPreference: loop) { ... }` runs here. Jobs sent after shutdown are dropped.
    public func enqueue(_ job: consuming ExecutorJob) {
        enqueueWork(.job(UnownedJob(job)))
    }

    /// Runs `body` on the loop thread and returns its result to the awaiting caller.
    /// Throws `EventLoopError.shutDown` when the loop no longer takes work.
    public func submit<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let accepted = enqueueWork(.closure { continuation.resume(with: Result { try body() }) })
            if !accepted { continuation.resume(throwing: EventLoopError.shutDown) }
        }
    }

    /// Queues `work`; returns false (dropping it) once the loop has shut down.
    @discardableResult
    func enqueueWork(_ work: LoopWork) -> Bool {
        if inEventLoop {
            // The loop itself: no lock, no wake-up (it checks its own queue before sleeping).
            localWork.append(work)
            return true
        }
        lock.lock()
        guard lifecycle != .shutDown else {
            lock.unlock()
            return false
        }
        inbox.append(work)
        let needsWakeup = !wakeupPending
        wakeupPending = true
        lock.unlock()
        if needsWakeup { try? wakeup.signal() }
        return true
    }

    /// Asks the loop to stop after its current iteration; it then closes every channel and
    /// exits its thread. Callable from any thread; idempotent.
    func requestStop() {
        let first = lock.withLock { () -> Bool in
            guard lifecycle == .running else { return false }
            lifecycle = .stopping
            return true
        }
        if first { try? wakeup.signal() }
    }

    /// Queues `channel` for the flush phase at the end of this iteration.
    func scheduleFlush(_ channel: Channel) {
        flushQueue.append(channel)
    }
}
