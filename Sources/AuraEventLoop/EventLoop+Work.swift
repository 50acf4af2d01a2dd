import AuraPosix

extension EventLoop {
    /// Runs `work` on the loop thread, after the work queued before it (FIFO per calling
    /// thread). Callable from any thread; from another thread it wakes the loop, writing the
    /// eventfd only when no wake-up is pending yet. Work sent after shutdown is dropped.
    public func execute(_ work: @escaping @Sendable () -> Void) {
        enqueueWork(.closure(work))
    }

    /// Runs a Swift concurrency job on the loop thread (`TaskExecutor`), so code in
    /// `Task(executorPreference: loop) { ... }` runs here. A job sent after shutdown runs in
    /// the loop's afterlife instead of being dropped (a dropped job would leave its task, and
    /// whoever awaits it, hanging forever): see `runInAfterlife(_:)`.
    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        if !enqueueWork(.job(job)) { runInAfterlife(job) }
    }

    /// Runs `body` on this loop, hopping onto it first when the caller is elsewhere; throws
    /// `EventLoopError.shutDown` instead of hanging when the loop has shut down.
    public func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        if inEventLoop { return try await body() }
        return try await withTaskExecutorPreference(self) {
            guard inEventLoop, !hasShutDown else { throw EventLoopError.shutDown }
            return try await body()
        }
    }

    /// Whether the loop's thread has stopped taking work.
    var hasShutDown: Bool { lock.withLock { lifecycle == .shutDown } }

    /// Runs a job that arrived after shutdown on the loop's afterlife queue: one job at a time,
    /// once the loop thread has ended, with `inEventLoop` true, so tasks that were suspended on
    /// the loop finish (their waits fail: the channels are closed) without ever running
    /// loop-confined code on two threads at once. No I/O happens there.
    func runInAfterlife(_ job: UnownedJob) {
        afterlife.async { [self] in
            EventLoop.currentStorage.value = self
            job.runSynchronously(on: asUnownedTaskExecutor())
            EventLoop.currentStorage.value = nil
        }
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
            guard !threadEnded else { return false }  // the afterlife: nothing runs work anymore
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
