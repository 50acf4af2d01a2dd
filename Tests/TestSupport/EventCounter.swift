import Synchronization

/// Counts events that happen on other threads and lets a test wait for the count to reach a
/// number: the event to wait on instead of sleeping and hoping.
public final class EventCounter: Sendable {
    private struct State {
        var count = 0
        var waiters: [Int: (target: Int, continuation: CheckedContinuation<Void, any Error>)] = [:]
        var lastWaiter = 0
    }

    private let state = Mutex(State())

    /// Creates a counter at zero.
    public init() {}

    /// How many events happened.
    public var count: Int { state.withLock { $0.count } }

    /// Records one event, waking the waiters whose target it reaches.
    public func increment() {
        let ready = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            state.count += 1
            let due = state.waiters.filter { $0.value.target <= state.count }
            for key in due.keys { state.waiters[key] = nil }
            return due.values.map(\.continuation)
        }
        for waiter in ready { waiter.resume() }
    }

    /// Returns once `target` events have happened; throws `CancellationError` when the task is
    /// cancelled first.
    public func waitUntil(atLeast target: Int) async throws {
        let id = state.withLock { state -> Int in
            state.lastWaiter += 1
            return state.lastWaiter
        }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                let outcome = state.withLock { state -> Result<Void, any Error>? in
                    if state.count >= target { return .success(()) }
                    if Task.isCancelled { return .failure(CancellationError()) }
                    state.waiters[id] = (target, continuation)
                    return nil
                }
                if let outcome { continuation.resume(with: outcome) }
            }
        } onCancel: {
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume(throwing: CancellationError())
        }
    }
}
