import Synchronization

/// A test step took longer than its bound: a bug made something wait forever.
public struct TimeoutError: Error, CustomStringConvertible {
    /// The bound that passed.
    public let limit: Duration
    /// What was being waited for.
    public let what: String

    /// Creates the error for `what`, which took longer than `limit`.
    public init(limit: Duration, what: String) {
        self.limit = limit
        self.what = what
    }

    public var description: String { "timed out after \(limit): \(what)" }
}

/// Runs `body` and returns its result, or throws `TimeoutError` once `limit` passes.
///
/// The body runs in its own task, which is cancelled at the timeout but not awaited: a body stuck
/// in a wait that ignores cancellation (a bug under test) cannot hang the suite.
public func withTimeout<T: Sendable>(
    _ limit: Duration, _ what: String = "test body", _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    let outcome = Once<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            outcome.install(continuation)
            let work = Task {
                do { outcome.resolve(.success(try await body())) } catch { outcome.resolve(.failure(error)) }
            }
            let timer = Task {
                try await Task.sleep(for: limit)
                if outcome.resolve(.failure(TimeoutError(limit: limit, what: what))) { work.cancel() }
            }
            outcome.onResolve { timer.cancel() }
        }
    } onCancel: {
        outcome.resolve(.failure(CancellationError()))
    }
}

/// Resumes a continuation exactly once, whichever of the racers gets there first.
private final class Once<T: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<T, any Error>?
        var pending: Result<T, any Error>?
        var done = false
        var cleanup: (@Sendable () -> Void)?
    }

    private let state = Mutex(State())

    func install(_ continuation: CheckedContinuation<T, any Error>) {
        let early = state.withLock { state -> Result<T, any Error>? in
            if let pending = state.pending { return pending }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func onResolve(_ cleanup: @escaping @Sendable () -> Void) {
        let runNow = state.withLock { state -> Bool in
            if state.done { return true }
            state.cleanup = cleanup
            return false
        }
        if runNow { cleanup() }
    }

    /// Returns true when this call won the race.
    @discardableResult
    func resolve(_ result: Result<T, any Error>) -> Bool {
        let (won, continuation, cleanup) = state.withLock { state -> (Bool, CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) in
            guard !state.done else { return (false, nil, nil) }
            state.done = true
            if state.continuation == nil { state.pending = result }
            let continuation = state.continuation
            state.continuation = nil
            let cleanup = state.cleanup
            state.cleanup = nil
            return (true, continuation, cleanup)
        }
        continuation?.resume(with: result)
        cleanup?()
        return won
    }
}

/// Polls `condition` every few milliseconds until it holds or `limit` passes; returns whether it
/// held. For effects that happen on another thread (a handler seeing its cancellation).
public func eventually(
    within limit: Duration = .seconds(3), _ condition: @Sendable () async throws -> Bool
) async rethrows -> Bool {
    let deadline = ContinuousClock.now + limit
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(5))
    }
}
