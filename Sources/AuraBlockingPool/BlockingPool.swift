import AuraPosix

/// A fixed set of threads for blocking work (file I/O, fsync, slow plugin calls), so that
/// neither an event loop nor a thread of Swift's cooperative pool ever blocks on it.
///
/// `run` hands a closure to the pool and suspends the calling task until a pool thread has run
/// it. Jobs wait in a bounded queue (`queueCapacity` jobs beyond those running); when it is
/// full, `run` suspends until a slot frees (backpressure) while `tryRun` fails at once with
/// `BlockingPoolError.queueFull` (RESOURCE_EXHAUSTED for a caller that must not wait). A task
/// cancelled while its job waits (for a slot or for a thread) takes the job back and throws
/// `CancellationError`; a job that has started always finishes.
///
/// `shutdown()` must be called before the pool is released: the threads hold the pool.
public final class BlockingPool: @unchecked Sendable {
    private let lock = Lock()
    private let workAvailable = Condition()
    /// Guarded by `lock`.
    private var state: BlockingPoolState
    /// Guarded by `lock`; emptied by the `shutdown()` that joins them.
    private var threads: [PosixThread] = []

    /// Starts `threadCount` threads named `name-N` and a queue of `queueCapacity` jobs (both at
    /// least one). Failure to start a thread is fatal (the process is out of threads or memory).
    public init(threadCount: Int, queueCapacity: Int, name: String = "aura-blocking") {
        precondition(threadCount > 0, "a blocking pool needs at least one thread")
        precondition(queueCapacity > 0, "a blocking pool needs a queue of at least one job")
        state = BlockingPoolState(queueCapacity: queueCapacity)
        for index in 0..<threadCount {
            lock.withLock { state.threadStarting() }
            do {
                let thread = try PosixThread.spawn(name: "\(name)-\(index)") { self.workerLoop() }
                lock.withLock { threads.append(thread) }
            } catch {
                fatalError("cannot start \(name)-\(index): \(error)")
            }
        }
    }

    /// Runs `work` on a pool thread and returns its result or rethrows its error. When the
    /// queue is full, suspends until a slot frees. Throws `CancellationError` if the task is
    /// cancelled before the work starts (the work then never runs) and
    /// `BlockingPoolError.shutDown` once `shutdown()` has been called.
    public func run<T: Sendable>(_ work: @Sendable @escaping () throws -> T) async throws -> T {
        try await submit(work, waitForSlot: true)
    }

    /// Like `run`, but fails at once with `BlockingPoolError.queueFull` when no queue slot is
    /// free instead of waiting for one.
    public func tryRun<T: Sendable>(_ work: @Sendable @escaping () throws -> T) async throws -> T {
        try await submit(work, waitForSlot: false)
    }

    /// Queues `work` to run on a pool thread without waiting for it: the caller learns the
    /// outcome through `work` itself. Throws `BlockingPoolError.queueFull` when no queue slot is
    /// free and `.shutDown` once `shutdown()` has been called; queued work always runs.
    public func tryExecute(_ work: @Sendable @escaping () -> Void) throws(BlockingPoolError) {
        let submission = lock.withLock {
            state.submit(BlockingJob(id: state.makeJobID(), run: work, fail: { _ in }), waitForSlot: false)
        }
        switch submission {
        case .queued: workAvailable.signal()
        case .waitingForSlot: preconditionFailure("unreachable: tryExecute never waits for a slot")
        case .refused(let error): throw error as? BlockingPoolError ?? .shutDown
        }
    }

    /// How many jobs wait for a thread, and how many `run` callers wait for a queue slot.
    public var pendingJobs: (queued: Int, waitingForSlot: Int) {
        lock.withLock { (state.queuedCount, state.waitingForSlotCount) }
    }

    /// Stops accepting work (later calls fail with `BlockingPoolError.shutDown`), fails the
    /// callers still waiting for a queue slot with the same error, lets every queued job run,
    /// and returns once the threads have ended. Idempotent; safe to call concurrently. Call it
    /// from a task, never from inside a job (that job's thread would wait for itself).
    public func shutdown() async {
        let refused = lock.withLock { state.shutdown() }
        workAvailable.broadcast()
        for job in refused { job.fail(BlockingPoolError.shutDown) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let waiting = lock.withLock { state.waitForThreadsToExit(continuation) }
            if !waiting { continuation.resume() }
        }
        // Every thread has left its loop: joining only waits for them to finish returning.
        let exited = lock.withLock {
            defer { threads = [] }
            return threads
        }
        for thread in exited { thread.join() }
    }

    private func submit<T: Sendable>(
        _ work: @Sendable @escaping () throws -> T, waitForSlot: Bool
    ) async throws -> T {
        let id = lock.withLock { state.makeJobID() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
                let job = BlockingJob(
                    id: id, run: { continuation.resume(with: Result { try work() }) },
                    fail: { continuation.resume(throwing: $0) })
                // Checked under the lock: a cancellation after this check finds the job queued.
                let submission = lock.withLock {
                    Task.isCancelled ? .refused(CancellationError()) : state.submit(job, waitForSlot: waitForSlot)
                }
                switch submission {
                case .queued: workAvailable.signal()
                case .waitingForSlot: break
                case .refused(let error): job.fail(error)
                }
            }
        } onCancel: {
            lock.withLock { state.cancel(id) }?.fail(CancellationError())
        }
    }

    private func workerLoop() {
        while true {
            lock.lock()
            var step = state.nextWorkerStep()
            while case .wait = step {
                workAvailable.wait(lock)
                step = state.nextWorkerStep()
            }
            lock.unlock()
            switch step {
            case .run(let job, let wakeAnother):
                if wakeAnother { workAvailable.signal() }
                job.run()
            case .exit(let shutdownWaiters):
                for waiter in shutdownWaiters { waiter.resume() }
                return
            case .wait:
                preconditionFailure("unreachable: the loop above waits until the step is not .wait")
            }
        }
    }
}
