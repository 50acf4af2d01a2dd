import AuraBlockingPool
import AuraCore

/// Runs one plugin's calls on its own worker threads behind a bounded queue, so a slow or stuck
/// plugin delays only its own callers and never an event loop.
///
/// The caller suspends until a worker has run the call. A full queue refuses the call at once
/// with RESOURCE_EXHAUSTED (the caller may retry later or shed load; nothing waits unbounded).
/// When the caller's task is cancelled (the server's deadline timer cancels a call's handler),
/// the caller resumes at once: a queued call never runs, a running one is abandoned (its
/// worker finishes it and drops the result) and counted as a timeout in `stats`.
final class PluginExecutor: Sendable {
    private let pool: BlockingPool
    private let id: String
    private let stats: PluginStats
    private let queueCapacity: Int

    /// Starts `limits.threads` workers named after the plugin.
    init(id: String, limits: PluginLimits, stats: PluginStats) {
        self.id = id
        self.stats = stats
        queueCapacity = limits.queueCapacity
        pool = BlockingPool(threadCount: limits.threads, queueCapacity: limits.queueCapacity, name: "aura-plugin")
    }

    /// Stops the workers once the queued calls have run (they hold what they need).
    deinit {
        let pool = pool
        Task { await pool.shutdown() }
    }

    /// Runs `work` on a worker and returns its result; throws RESOURCE_EXHAUSTED when the
    /// queue is full and CANCELLED when the task is cancelled first.
    func run<Value: Sendable>(_ work: @escaping @Sendable () -> Result<Value, RPCError>) async throws(RPCError) -> Value {
        let call = PluginCall<Value>(giveUpError: RPCError(.cancelled, "the caller stopped waiting for \(id)"))
        let stats = stats
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { waiter in
                guard call.wait(waiter) else { return }
                do throws(BlockingPoolError) {
                    try pool.tryExecute { if call.start() { call.finish(work()) } }
                } catch {
                    if call.finish(.failure(refusal(error))) { stats.recordRejected() }
                }
            }
        } onCancel: {
            if call.abandon() != .none { stats.recordTimeout() }
        }
        return try result.get()
    }

    private func refusal(_ error: BlockingPoolError) -> RPCError {
        switch error {
        case .queueFull: RPCError(.resourceExhausted, "\(id) is busy: \(queueCapacity) calls wait for it already; retry later")
        case .shutDown: RPCError(.unavailable, "\(id) is unloading")
        }
    }
}
