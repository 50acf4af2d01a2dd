import Synchronization

/// Wakes tasks waiting for something keyed (a job) to change: `wait(for:after:)` returns once
/// the key's version passes the one the waiter saw, or at once when it already has. A waiting
/// task that is cancelled returns too; nothing waits forever.
final class ChangeSignal: Sendable {
    private struct Waiter {
        let id: Int
        let continuation: CheckedContinuation<Void, Never>
    }

    private struct State {
        var versions: [String: Int] = [:]
        var waiters: [String: [Waiter]] = [:]
        var nextWaiterID = 0
    }

    private let state = Mutex(State())

    /// The key's current version (0 before its first change).
    func version(of key: String) -> Int { state.withLock { $0.versions[key, default: 0] } }

    /// Records a change of `key` and wakes its waiters.
    func signal(_ key: String) {
        let waiters = state.withLock { state in
            state.versions[key, default: 0] += 1
            return state.waiters.removeValue(forKey: key) ?? []
        }
        for waiter in waiters { waiter.continuation.resume() }
    }

    /// Drops the versions of keys nothing will change again (forgotten jobs and uploads); a
    /// waiter on one is woken.
    func forget(_ keys: [String]) {
        guard !keys.isEmpty else { return }
        for key in keys { signal(key) }
        state.withLock { state in
            for key in keys where state.waiters[key] == nil { state.versions[key] = nil }
        }
    }

    /// Waits until `key` changes after `version`, or the task is cancelled.
    func wait(for key: String, after version: Int) async {
        let id = state.withLock { state -> Int in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.versions[key, default: 0] > version || Task.isCancelled { return true }
                    state.waiters[key, default: []].append(Waiter(id: id, continuation: continuation))
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> Waiter? in
                guard let index = state.waiters[key]?.firstIndex(where: { $0.id == id }) else { return nil }
                return state.waiters[key]?.remove(at: index)
            }
            waiter?.continuation.resume()
        }
    }
}
