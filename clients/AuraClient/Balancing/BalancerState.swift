/// Which of a client's connections the next call takes (docs/SCALING.md): round robin over the
/// connections whose address works, an address that failed taken out for a backoff that
/// doubles with each failure in a row (from `baseBackoff` up to `maxBackoff`).
///
/// A plain state machine: the owner reports each outcome and asks for a pick; it opens no
/// socket and reads no clock of its own. When every connection is out, the pick is the one
/// whose backoff ends first, tried at once, so a call is never refused without an attempt.
struct BalancerState: Sendable {
    /// One connection's standing.
    enum Endpoint: Equatable, Sendable {
        /// Working, or not tried yet.
        case ready
        /// Failed `failures` times in a row; taken out until `retryAt`.
        case down(failures: Int, retryAt: ContinuousClock.Instant)
    }

    /// Each connection's standing, by index.
    private(set) var endpoints: [Endpoint]
    /// Where the round robin looks first.
    private var cursor = 0
    let baseBackoff: Duration
    let maxBackoff: Duration

    /// `count` connections, all ready.
    init(count: Int, baseBackoff: Duration, maxBackoff: Duration) {
        precondition(count > 0, "a balancer needs at least one connection")
        endpoints = Array(repeating: .ready, count: count)
        self.baseBackoff = baseBackoff
        self.maxBackoff = maxBackoff
    }

    /// The connection the next call takes: the next one in turn that is ready or whose backoff
    /// has ended; when all are out, the one whose backoff ends first.
    mutating func pick(now: ContinuousClock.Instant) -> Int {
        for offset in 0..<endpoints.count {
            let index = (cursor + offset) % endpoints.count
            if isAvailable(index, now: now) {
                cursor = (index + 1) % endpoints.count
                return index
            }
        }
        return endpoints.indices.min { retryAt($0, now: now) < retryAt($1, now: now) }!
    }

    /// Connection `index` opened a call: it is in again, its failures forgotten.
    mutating func succeeded(_ index: Int) {
        endpoints[index] = .ready
    }

    /// Connection `index` could not open a call (its address refused or is unreachable): out
    /// for a backoff twice as long as after its previous failure in a row.
    mutating func failed(_ index: Int, now: ContinuousClock.Instant) {
        let failures: Int
        if case .down(let previous, _) = endpoints[index] { failures = previous + 1 } else { failures = 1 }
        endpoints[index] = .down(failures: failures, retryAt: now + backoff(afterFailures: failures))
    }

    /// The backoff after `failures` failures in a row.
    func backoff(afterFailures failures: Int) -> Duration {
        var backoff = baseBackoff
        for _ in 1..<max(1, failures) where backoff < maxBackoff { backoff *= 2 }
        return min(backoff, maxBackoff)
    }

    private func isAvailable(_ index: Int, now: ContinuousClock.Instant) -> Bool {
        guard case .down(_, let retryAt) = endpoints[index] else { return true }
        return retryAt <= now
    }

    private func retryAt(_ index: Int, now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        guard case .down(_, let retryAt) = endpoints[index] else { return now }
        return retryAt
    }
}
