import AuraCore
import Synchronization

/// One call handed to a plugin's workers, and the task waiting for it. Exactly one of three
/// things ends the wait: the worker's result, a refusal, or the caller giving up (abandon). A
/// worker that finds the call abandoned before starting skips it; one that finishes an
/// abandoned call drops its result.
final class PluginCall<Value: Sendable>: Sendable {
    typealias Waiter = CheckedContinuation<Result<Value, RPCError>, Never>

    /// Where the call is.
    enum State {
        /// Created; no task waits yet.
        case created
        /// The task waits; no worker has started the call.
        case queued(Waiter)
        /// A worker runs the call; the task waits.
        case running(Waiter)
        /// The caller gave up before it waited (its task was already cancelled).
        case abandonedEarly
        /// Ended: the task was resumed (or never waited).
        case finished
    }

    /// What became of a caller's giving up.
    enum Abandonment: Equatable {
        /// Nothing: the call had ended.
        case none
        /// It had not started; it never will.
        case whileQueued
        /// A worker is inside the plugin; the result will be dropped.
        case whileRunning
    }

    private let state = Mutex(State.created)
    private let giveUpError: RPCError

    /// Creates a call; `giveUpError` is what the waiting task throws when it gives up.
    init(giveUpError: RPCError) { self.giveUpError = giveUpError }

    /// The task starts waiting; resumes it at once (returning false: do not submit the call)
    /// when it gave up already.
    func wait(_ waiter: Waiter) -> Bool {
        let abandoned = state.withLock { state -> Bool in
            guard case .created = state else {
                state = .finished
                return true
            }
            state = .queued(waiter)
            return false
        }
        if abandoned { waiter.resume(returning: .failure(giveUpError)) }
        return !abandoned
    }

    /// A worker takes the call: true when it should run it, false when its caller gave up.
    func start() -> Bool {
        state.withLock { state in
            guard case .queued(let waiter) = state else { return false }
            state = .running(waiter)
            return true
        }
    }

    /// The call ended with `result` (or was refused): resumes the task unless it gave up;
    /// returns whether the result was delivered.
    @discardableResult
    func finish(_ result: Result<Value, RPCError>) -> Bool {
        let waiter: Waiter? = state.withLock { state in
            switch state {
            case .queued(let waiter), .running(let waiter):
                state = .finished
                return waiter
            case .created, .abandonedEarly, .finished:
                return nil
            }
        }
        waiter?.resume(returning: result)
        return waiter != nil
    }

    /// The caller gives up (its task was cancelled: a deadline passed, or the client went away).
    func abandon() -> Abandonment {
        let (waiter, abandonment): (Waiter?, Abandonment) = state.withLock { state in
            switch state {
            case .created:
                state = .abandonedEarly
                return (nil, .whileQueued)
            case .queued(let waiter):
                state = .finished
                return (waiter, .whileQueued)
            case .running(let waiter):
                state = .finished
                return (waiter, .whileRunning)
            case .abandonedEarly, .finished:
                return (nil, .none)
            }
        }
        waiter?.resume(returning: .failure(giveUpError))
        return abandonment
    }
}
