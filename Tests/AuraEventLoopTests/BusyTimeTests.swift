import AuraEventLoop
import AuraPosix
import Testing

@Suite struct BusyTimeTests {
    @Test func aLoopCountsTheCPUTimeOfItsWorkAndNothingOnceStopped() async throws {
        let group = EventLoopGroup(loopCount: 1)
        let loop = group.loops[0]
        // The thread sets its clock as it starts: work that ran proves it has.
        let before = try await loop.submit { loop.busyNanoseconds }
        let start = try #require(before)
        // Work on the loop for 20 ms of wall time: its CPU clock must move (by less when the
        // machine is busy and the thread waits for a core, but never by nothing).
        let measured = try await loop.submit { () -> UInt64? in
            let end = MonotonicClock.nanoseconds() + 20_000_000
            while MonotonicClock.nanoseconds() < end {}
            return loop.busyNanoseconds
        }
        let after = try #require(measured)
        #expect(after > start)
        #expect((loop.busyNanoseconds ?? 0) >= after, "read from another thread, it never goes back")
        group.shutdown()
        #expect(loop.busyNanoseconds == nil)
    }
}
