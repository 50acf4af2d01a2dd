import Synchronization

/// What the server did to a crowd of raw peers, counted as it happens, with waits that return
/// as soon as a count is reached (or false once a bound passes): scenarios wait on these
/// events, never on sleeps.
public final class PeerEvents: Sendable {
    /// The counts so far.
    public struct Counts: Sendable {
        /// Connections the server closed (not we).
        public var closedByServer = 0
        /// Connections whose SETTINGS the server acknowledged: it took them.
        public var settingsAcknowledged = 0
        /// PING ACKs received: the server processed everything sent before the PING.
        public var pingsAcknowledged = 0
        /// GOAWAY frames received, by "CODE: reason".
        public var goAways: [String: Int] = [:]
        /// Calls ended by the server's TRAILERS, by status code name.
        public var trailers: [String: Int] = [:]
    }

    private struct State {
        var counts = Counts()
        var waiters: [Int: (predicate: @Sendable (Counts) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = [:]
        var nextWaiter = 0
    }

    private let state = Mutex(State())

    /// The counts now.
    public var counts: Counts { state.withLock { $0.counts } }

    func record(_ change: (inout Counts) -> Void) {
        let satisfied = state.withLock { state -> [CheckedContinuation<Bool, Never>] in
            change(&state.counts)
            let counts = state.counts
            let ready = state.waiters.filter { $0.value.predicate(counts) }
            for key in ready.keys { state.waiters[key] = nil }
            return ready.values.map(\.continuation)
        }
        for continuation in satisfied { continuation.resume(returning: true) }
    }

    /// Waits until `predicate` holds for the counts; false when `bound` passes first.
    public func wait(within bound: Duration, until predicate: @escaping @Sendable (Counts) -> Bool) async -> Bool {
        let id = state.withLock { state -> Int in
            defer { state.nextWaiter += 1 }
            return state.nextWaiter
        }
        let timer = Task { [self] in
            try await Task.sleep(for: bound)
            state.withLock { $0.waiters.removeValue(forKey: id) }?.continuation.resume(returning: false)
        }
        defer { timer.cancel() }
        return await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let holds = state.withLock { state -> Bool in
                if predicate(state.counts) { return true }
                state.waiters[id] = (predicate, continuation)
                return false
            }
            if holds { continuation.resume(returning: true) }
        }
    }
}
