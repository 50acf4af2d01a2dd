import AuraCrypto
import AuraMessages
import AuraSentiment
import Synchronization
import Testing

@Suite struct ResultCacheTests {
    /// A clock the test moves by hand.
    final class ManualClock: Sendable {
        private let offset = Mutex<Duration>(.zero)
        private let start = ContinuousClock.now
        var now: ContinuousClock.Instant { start + offset.withLock { $0 } }
        func advance(_ duration: Duration) { offset.withLock { $0 += duration } }
    }

    private func key(_ text: String) -> SHA256Digest { Crypto.sha256(Array(text.utf8)) }

    @Test func entriesExpireAfterTheirTimeToLive() {
        let clock = ManualClock()
        let cache = ResultCache<Int>(maxBytes: 1000, timeToLive: .seconds(24 * 3600), now: { clock.now })
        cache.put(key("a"), 1, cost: 10)
        clock.advance(.seconds(24 * 3600 - 1))
        #expect(cache.get(key("a")) == 1)
        clock.advance(.seconds(2))
        #expect(cache.get(key("a")) == nil)
        #expect(cache.stats == .init(hits: 1, misses: 1, entries: 0, bytes: 0))
    }

    @Test func theLeastRecentlyUsedEntryIsEvictedToStayWithinTheByteBound() {
        let cache = ResultCache<Int>(maxBytes: 30)
        cache.put(key("a"), 1, cost: 10)
        cache.put(key("b"), 2, cost: 10)
        cache.put(key("c"), 3, cost: 10)
        #expect(cache.get(key("a")) == 1)  // now b is the least recently used
        cache.put(key("d"), 4, cost: 10)
        #expect(cache.get(key("b")) == nil)
        #expect(cache.get(key("a")) == 1)
        #expect(cache.get(key("c")) == 3)
        #expect(cache.get(key("d")) == 4)
        #expect(cache.stats.bytes == 30)
        #expect(cache.stats.entries == 3)
    }

    @Test func aValueLargerThanTheCacheIsNotStoredAndReplacingKeepsTheCountRight() {
        let cache = ResultCache<Int>(maxBytes: 30)
        cache.put(key("huge"), 1, cost: 31)
        #expect(cache.get(key("huge")) == nil)
        cache.put(key("a"), 1, cost: 10)
        cache.put(key("a"), 2, cost: 20)
        #expect(cache.get(key("a")) == 2)
        #expect(cache.stats.entries == 1)
        #expect(cache.stats.bytes == 20)
    }

    @Test func manyInsertionsStayBounded() {
        let cache = ResultCache<Int>(maxBytes: 1000)
        for index in 0..<10_000 { cache.put(key("k\(index)"), index, cost: 7) }
        #expect(cache.stats.bytes <= 1000)
        #expect(cache.stats.entries == 1000 / 7)
        #expect(cache.get(key("k9999")) == 9999)
        #expect(cache.get(key("k0")) == nil)
    }
}
