import CAuraAllocationCounter
import Glibc
import Testing

/// The counter itself: it sees the allocations of the watched thread, and only those.
@Suite(.serialized, .enabled(if: aura_allocation_counter_available(), "the allocation counter is off under sanitizers"))
struct AllocationCounterTests {
    /// A slot of its own: the unary tests, which may run at the same time, use 0 and 1.
    static let slot: Int32 = 2

    @Test("counts each malloc, calloc and realloc made on the watched thread")
    func countsWatchedThread() {
        aura_allocation_counter_watch_current_thread(Self.slot)
        defer { aura_allocation_counter_unwatch(Self.slot) }
        let a = malloc(24), b = calloc(4, 8), c = realloc(a, 4096)
        let counted = aura_allocation_counter_count(Self.slot)
        free(b)
        free(c)
        #expect(counted == 3)
    }

    @Test("does not count the allocations of another thread")
    func ignoresOtherThreads() {
        aura_allocation_counter_watch_current_thread(Self.slot)
        defer { aura_allocation_counter_unwatch(Self.slot) }
        // Starting a thread allocates a little on this one (its TLS): far fewer than the 1,000
        // allocations the other thread makes.
        var thread = pthread_t()
        pthread_create(&thread, nil, { _ in
            for _ in 0..<1_000 { free(malloc(64)) }
            return nil
        }, nil)
        pthread_join(thread, nil)
        #expect(aura_allocation_counter_count(Self.slot) < 100)
    }
}
