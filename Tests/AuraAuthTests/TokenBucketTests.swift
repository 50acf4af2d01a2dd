@testable import AuraAuth
import Testing

@Suite("Token bucket")
struct TokenBucketTests {
    @Test func aFullBucketLetsTheBurstThroughThenRefusesWithTheWaitForOneToken() throws {
        let bucket = TokenBucket(limit: try RateLimit(ratePerSecond: 10, burst: 3), now: 0)
        for _ in 0..<3 { #expect(bucket.take(now: 0) == nil) }
        #expect(bucket.take(now: 0) == 100_000_000, "one token comes back after 1/10 s")
        #expect(bucket.take(now: 40_000_000) == 60_000_000)
        #expect(bucket.take(now: 100_000_000) == nil)
        #expect(bucket.take(now: 100_000_000) != nil)
    }

    @Test func theSustainedRateIsTheRateWhateverTheBurst() throws {
        let bucket = TokenBucket(limit: try RateLimit(ratePerSecond: 100, burst: 5), now: 0)
        var accepted = 0
        // One call every millisecond for 2 s: the burst, then 100 per second.
        for millisecond in 0..<2_000 where bucket.take(now: Int64(millisecond) * 1_000_000) == nil { accepted += 1 }
        // Accepted while the theoretical arrival time 10 ms x calls stays within 50 ms of now.
        #expect(accepted == (1_999 + 50) / 10)
    }

    @Test func aQuietSpellRefillsNoMoreThanTheBurst() throws {
        let bucket = TokenBucket(limit: try RateLimit(ratePerSecond: 1, burst: 2), now: 0)
        let later: Int64 = 3_600_000_000_000
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) == nil)
        #expect(bucket.take(now: later) == 1_000_000_000)
    }

    @Test func limitsAreChecked() throws {
        #expect(throws: KeyError.self) { try RateLimit(ratePerSecond: 0, burst: 5) }
        #expect(throws: KeyError.self) { try RateLimit(ratePerSecond: RateLimit.maximum + 1, burst: 0) }
        #expect(try RateLimit(ratePerSecond: 7, burst: 0).burst == 7, "no burst: one second's worth")
        #expect(try RateLimit(ratePerSecond: 0, burst: 0) == .unlimited)
    }

    @Test func retryAfterIsInSecondsWithMillisecondsRoundedUp() {
        #expect(AuthInterceptor.seconds(nanoseconds: 250_000_000) == "0.250")
        #expect(AuthInterceptor.seconds(nanoseconds: 1) == "0.001")
        #expect(AuthInterceptor.seconds(nanoseconds: 2_000_000_001) == "2.001")
    }
}
