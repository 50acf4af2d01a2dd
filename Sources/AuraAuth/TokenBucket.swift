import Synchronization

/// A token bucket for one key, lock-free: the generic cell rate algorithm keeps the whole
/// bucket in one number, the "theoretical arrival time" of the next call, advanced by one
/// emission interval (1/rate) per call accepted. A call is refused while that time lies more
/// than `burst` intervals ahead of now; it may come back when the difference shrinks to that.
public final class TokenBucket: Sendable {
    /// The limit it enforces.
    public let limit: RateLimit
    private let interval: Int64
    private let tolerance: Int64
    private let arrival: Atomic<Int64>

    /// A full bucket for `limit` (which must limit); `now` in nanoseconds on the clock that
    /// later calls use.
    public init(limit: RateLimit, now: Int64) {
        precondition(limit.isLimited, "a TokenBucket needs a rate")
        self.limit = limit
        interval = 1_000_000_000 / Int64(limit.ratePerSecond)
        tolerance = interval * Int64(limit.burst)
        arrival = Atomic(now)
    }

    /// Takes a token at `now` (nanoseconds): nil when it was there, else how many nanoseconds
    /// until one will be.
    public func take(now: Int64) -> Int64? {
        var current = arrival.load(ordering: .relaxed)
        while true {
            let next = max(current, now) + interval
            let ahead = next - now
            if ahead > tolerance { return ahead - tolerance }
            let (exchanged, original) = arrival.compareExchange(expected: current, desired: next, ordering: .relaxed)
            if exchanged { return nil }
            current = original
        }
    }
}
