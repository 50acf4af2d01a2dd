/// The bookkeeping of a blocking pool, without threads or locks: what happens to a submission,
/// what a worker thread does next, and how shutdown proceeds. The pool calls it under its lock
/// and carries out the returned actions (run, fail, resume) after releasing it.
struct BlockingPoolState {
    enum Lifecycle: Equatable {
        /// Accepting work.
        case running
        /// `shutdown()` was called: queued work still runs, nothing new is accepted.
        case draining
        /// Every worker thread has exited.
        case stopped
    }

    /// What became of a submission.
    enum Submission {
        /// In the queue; a worker should be woken.
        case queued
        /// Waiting for a queue slot.
        case waitingForSlot
        /// Refused; fail the job with the error.
        case refused(any Error)
    }

    /// What a worker thread does next.
    enum WorkerStep {
        /// Run the job; when `wakeAnother`, a waiting submission moved into the queue and
        /// another worker should be woken for it.
        case run(BlockingJob, wakeAnother: Bool)
        /// Nothing to do yet: wait on the condition and ask again.
        case wait
        /// Exit the thread, resuming `shutdownWaiters` (non-empty only for the last one out).
        case exit(shutdownWaiters: [CheckedContinuation<Void, Never>])
    }

    let queueCapacity: Int
    private(set) var lifecycle = Lifecycle.running
    private var queue = JobQueue()
    private var slotWaiters = JobQueue()
    private var liveThreads = 0
    private var shutdownWaiters: [CheckedContinuation<Void, Never>] = []
    private var lastJobID: UInt64 = 0

    /// Jobs in the queue, waiting for a thread.
    var queuedCount: Int { queue.count }
    /// Submissions waiting for a queue slot.
    var waitingForSlotCount: Int { slotWaiters.count }

    init(queueCapacity: Int) {
        self.queueCapacity = queueCapacity
    }

    /// A fresh id for the next job.
    mutating func makeJobID() -> UInt64 {
        lastJobID += 1
        return lastJobID
    }

    /// A worker thread is about to start.
    mutating func threadStarting() { liveThreads += 1 }

    /// Queues `job`; when the queue is full it waits for a slot (`waitForSlot`) or is refused.
    mutating func submit(_ job: BlockingJob, waitForSlot: Bool) -> Submission {
        guard lifecycle == .running else { return .refused(BlockingPoolError.shutDown) }
        if queue.count < queueCapacity {
            queue.append(job)
            return .queued
        }
        guard waitForSlot else { return .refused(BlockingPoolError.queueFull) }
        slotWaiters.append(job)
        return .waitingForSlot
    }

    /// Takes back the job with `id` if it has not started: the caller fails it.
    mutating func cancel(_ id: UInt64) -> BlockingJob? {
        queue.remove(id: id) ?? slotWaiters.remove(id: id)
    }

    /// The next step of a worker thread: the oldest queued job (its slot goes to the oldest
    /// waiting submission), a wait, or, once draining with nothing queued, an exit.
    mutating func nextWorkerStep() -> WorkerStep {
        if let job = queue.popFirst() {
            guard let waiting = slotWaiters.popFirst() else { return .run(job, wakeAnother: false) }
            queue.append(waiting)
            return .run(job, wakeAnother: true)
        }
        guard lifecycle != .running else { return .wait }
        liveThreads -= 1
        guard liveThreads == 0 else { return .exit(shutdownWaiters: []) }
        lifecycle = .stopped
        defer { shutdownWaiters = [] }
        return .exit(shutdownWaiters: shutdownWaiters)
    }

    /// Stops accepting work and returns the submissions still waiting for a slot, which were
    /// never accepted and are to be failed with `BlockingPoolError.shutDown`. Queued jobs stay
    /// and run. Idempotent.
    mutating func shutdown() -> [BlockingJob] {
        if lifecycle == .running { lifecycle = .draining }
        if liveThreads == 0 { lifecycle = .stopped }
        return slotWaiters.removeAll()
    }

    /// Registers a caller of `shutdown()` to be resumed when the last thread exits; returns
    /// false (keeping nothing) when they all have already, so the caller goes on at once.
    mutating func waitForThreadsToExit(_ continuation: CheckedContinuation<Void, Never>) -> Bool {
        guard lifecycle != .stopped else { return false }
        shutdownWaiters.append(continuation)
        return true
    }
}
