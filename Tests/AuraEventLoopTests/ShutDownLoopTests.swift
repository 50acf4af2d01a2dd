import AuraEventLoop
import Dispatch
import Testing

/// Work sent to a loop that has shut down fails its waiter instead of leaving it hanging.
@Suite struct ShutDownLoopTests {
    @Test func runOnAShutDownLoopThrowsShutDown() async {
        let group = EventLoopGroup(loopCount: 1)
        group.shutdown()
        await #expect(throws: EventLoopError.shutDown) { try await group.loops[0].run { 1 } }
    }

    @Test func runOnALiveLoopRunsOnItsThread() async throws {
        try await withGroup(loops: 1) { group in
            let loop = group.loops[0]
            let ranOnLoop = try await loop.run { loop.inEventLoop }
            #expect(ranOnLoop)
        }
    }

    /// Jobs that reach a shut-down loop run in its afterlife: serially, still "in" the loop,
    /// so loop-confined code never runs on two threads at once.
    @Test func taskPreferringAShutDownLoopStillRunsToTheEnd() async {
        let group = EventLoopGroup(loopCount: 1)
        let loop = group.loops[0]
        group.shutdown()
        let seen = await Task(executorPreference: loop) { () -> [Bool] in
            let before = loop.inEventLoop
            await Task.yield()
            let runsInPlace = (try? await loop.run { 1 }) == 1  // already "on" the loop: no hop
            return [before, loop.inEventLoop, runsInPlace]
        }.value
        #expect(seen == [true, true, true])
    }

    @Test func taskSuspendedOnALoopThatShutsDownResumesInItsAfterlife() async throws {
        let group = EventLoopGroup(loopCount: 1)
        let loop = group.loops[0]
        let parked = Locked<CheckedContinuation<Void, Never>?>(nil)
        let started = DispatchSemaphore(value: 0)
        let task = Task(executorPreference: loop) { () -> [Bool] in
            let before = loop.inEventLoop
            await withCheckedContinuation { continuation in
                parked.withValue { $0 = continuation }
                started.signal()
            }
            return [before, loop.inEventLoop]
        }
        await withCheckedContinuation { done in
            DispatchQueue.global().async {
                started.wait()
                done.resume()
            }
        }
        group.shutdown()
        parked.current!.resume()
        #expect(await task.value == [true, true])
    }

    @Test func shutdownGracefullyReturnsOnceTheLoopsHaveStopped() async {
        let group = EventLoopGroup(loopCount: 2)
        await group.shutdownGracefully()
        for loop in group.loops {
            await #expect(throws: EventLoopError.shutDown) { try await loop.submit { 1 } }
        }
        await group.shutdownGracefully()  // idempotent
    }

    @Test func submitAfterShutdownThrowsShutDown() async {
        let group = EventLoopGroup(loopCount: 1)
        group.shutdown()
        await #expect(throws: EventLoopError.shutDown) { try await group.loops[0].submit { 1 } }
    }

    @Test func loopBoundValueIsReadAndWrittenOnItsLoop() async throws {
        try await withGroup(loops: 1) { group in
            let loop = group.loops[0]
            let counter = LoopBound(0, eventLoop: loop)
            let value = try await loop.run { () -> Int in
                counter.value += 41
                counter.value += 1
                return counter.value
            }
            #expect(value == 42)
        }
    }
}
