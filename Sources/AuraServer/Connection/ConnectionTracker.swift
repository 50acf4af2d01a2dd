import Synchronization

/// The server's open connections, so a shutdown can reach every one of them from any thread
/// and wait for the last one to close; it admits new ones within the connection limits.
final class ConnectionTracker: Sendable {
    private struct State {
        var connections: [ObjectIdentifier: ServerConnection] = [:]
        /// Open connections per peer host.
        var perHost: [String: Int] = [:]
        var emptyWaiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())
    private let limits: ConnectionLimits

    init(limits: ConnectionLimits) {
        self.limits = limits
    }

    /// Counts `connection` as open, unless that would pass a limit: then it returns why not and
    /// counts nothing.
    func admit(_ connection: ServerConnection) -> String? {
        state.withLock { state -> String? in
            let fromHost = state.perHost[connection.peerHost, default: 0]
            if let refusal = limits.refusal(open: state.connections.count, openFromHost: fromHost, host: connection.peerHost) {
                return refusal
            }
            state.connections[ObjectIdentifier(connection)] = connection
            state.perHost[connection.peerHost] = fromHost + 1
            return nil
        }
    }

    /// Forgets `connection` (closed); one that was never admitted is ignored.
    func remove(_ connection: ServerConnection) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard state.connections.removeValue(forKey: ObjectIdentifier(connection)) != nil else { return [] }
            let fromHost = state.perHost[connection.peerHost, default: 1] - 1
            state.perHost[connection.peerHost] = fromHost > 0 ? fromHost : nil
            guard state.connections.isEmpty else { return [] }
            defer { state.emptyWaiters.removeAll() }
            return Array(state.emptyWaiters.values)
        }
        for waiter in waiters { waiter.resume() }
    }

    /// The connections open now.
    var all: [ServerConnection] { state.withLock { Array($0.connections.values) } }

    /// How many connections are open.
    var count: Int { state.withLock { $0.connections.count } }

    /// Waits until no connection is open; returns false when `deadline` passes first.
    func waitUntilEmpty(before deadline: ContinuousClock.Instant) async -> Bool {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.waitUntilEmpty() }
            group.addTask { try? await Task.sleep(until: deadline, clock: .continuous) }
            await group.next()
            group.cancelAll()
        }
        return count == 0
    }

    /// Waits until no connection is open, or the task is cancelled.
    private func waitUntilEmpty() async {
        let id = state.withLock { state -> Int in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let waiting = state.withLock { state -> Bool in
                    // Checked under the lock the cancellation handler takes, so no wake-up is lost.
                    guard !state.connections.isEmpty, !Task.isCancelled else { return false }
                    state.emptyWaiters[id] = continuation
                    return true
                }
                if !waiting { continuation.resume() }
            }
        } onCancel: {
            state.withLock { $0.emptyWaiters.removeValue(forKey: id) }?.resume()
        }
    }
}
