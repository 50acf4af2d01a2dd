import Synchronization

/// Runs jobs: those a crash interrupted first, then waiting ones oldest first, at most
/// `workers` at once, picking up new ones as `wake()` announces them; and the retention sweep.
final class Dispatcher: Sendable {
    private static let queueKey = "\u{0}queue"
    private let tasks = Mutex<[Task<Void, Never>]>([])
    /// The jobs a worker runs now.
    private let running = Mutex<Set<String>>([])

    /// Starts dispatching for `manager`.
    func start(manager: JobManager) {
        let dispatch = Task { await self.dispatch(manager) }
        let sweep = Task {
            while !Task.isCancelled {
                await manager.sweep()
                try? await Task.sleep(for: manager.configuration.sweepInterval)  // a timer, not a synchronization
            }
        }
        tasks.withLock { $0 = [dispatch, sweep] }
    }

    /// A job may be waiting: look again.
    func wake(_ signal: ChangeSignal) { signal.signal(Self.queueKey) }

    /// Stops dispatching; running jobs stop after their current batch (their results so far are
    /// durable; they resume at the next start).
    func stop() async {
        let running = tasks.withLock { tasks -> [Task<Void, Never>] in
            defer { tasks = [] }
            return tasks
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    private func dispatch(_ manager: JobManager) async {
        let signal = manager.store.changes
        let workers = manager.configuration.workers
        await withDiscardingTaskGroup { group in
            while !Task.isCancelled {
                let version = signal.version(of: Self.queueKey)
                let candidates = manager.store.read { $0.interruptedJobIDs + $0.pendingJobIDs }
                for jobID in candidates {
                    let starts = self.running.withLock { running -> Bool in
                        guard running.count < workers, !running.contains(jobID) else { return false }
                        running.insert(jobID)
                        return true
                    }
                    guard starts else { continue }
                    group.addTask {
                        await manager.run(jobID)
                        self.running.withLock { _ = $0.remove(jobID) }
                        signal.signal(Self.queueKey)  // a worker is free: look again
                    }
                }
                await signal.wait(for: Self.queueKey, after: version)
            }
            group.cancelAll()
        }
    }
}
