/// One submission to a blocking pool: an id (to find it again on cancellation) and the two ways
/// it can end, of which exactly one is called once.
struct BlockingJob: Sendable {
    let id: UInt64
    /// Runs the work on the calling thread and hands its result to the waiting task.
    let run: @Sendable () -> Void
    /// Resumes the waiting task with `error` without running the work.
    let fail: @Sendable (any Error) -> Void
}

/// A first-in, first-out list of jobs that can also drop a job by id (a cancelled caller).
struct JobQueue: Sendable {
    private var jobs: [BlockingJob] = []
    private var head = 0

    /// The number of jobs in the list.
    var count: Int { jobs.count - head }

    mutating func append(_ job: BlockingJob) { jobs.append(job) }

    /// Takes the oldest job, or nil when the list is empty.
    mutating func popFirst() -> BlockingJob? {
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head == jobs.count {
            jobs.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64 && head * 2 >= jobs.count {
            jobs.removeFirst(head)  // keep the dead prefix from growing without bound
            head = 0
        }
        return job
    }

    /// Takes the job with `id` out of the list, or returns nil when it is not there.
    mutating func remove(id: UInt64) -> BlockingJob? {
        guard let index = jobs[head...].firstIndex(where: { $0.id == id }) else { return nil }
        return jobs.remove(at: index)
    }

    /// Empties the list and returns what it held, oldest first.
    mutating func removeAll() -> [BlockingJob] {
        defer {
            jobs.removeAll()
            head = 0
        }
        return Array(jobs[head...])
    }
}
