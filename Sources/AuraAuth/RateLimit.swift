/// A key's rate limit: `ratePerSecond` calls per second sustained, and up to `burst` calls at
/// once after a quiet spell (a token bucket of `burst` tokens refilled at the rate).
public struct RateLimit: Sendable, Hashable {
    /// Sustained calls per second; 0 means no limit.
    public var ratePerSecond: UInt32
    /// The bucket's size, at least 1 when there is a rate.
    public var burst: UInt32

    /// No limit.
    public static let unlimited = RateLimit(uncheckedRate: 0, burst: 0)

    /// The largest rate or burst accepted.
    public static let maximum: UInt32 = 1_000_000

    /// A limit of `ratePerSecond` calls per second with bursts of `burst` (0: one second's worth).
    /// A rate of 0 is no limit, and then the burst must be 0 too.
    public init(ratePerSecond: UInt32, burst: UInt32) throws(KeyError) {
        guard ratePerSecond <= Self.maximum, burst <= Self.maximum else {
            throw .invalid("the rate and the burst are at most \(Self.maximum)")
        }
        guard ratePerSecond > 0 || burst == 0 else { throw .invalid("a burst needs a rate (--rate N)") }
        self.init(uncheckedRate: ratePerSecond, burst: burst == 0 ? ratePerSecond : burst)
    }

    private init(uncheckedRate: UInt32, burst: UInt32) {
        ratePerSecond = uncheckedRate
        self.burst = burst
    }

    /// Whether calls are limited at all.
    public var isLimited: Bool { ratePerSecond > 0 }
}
