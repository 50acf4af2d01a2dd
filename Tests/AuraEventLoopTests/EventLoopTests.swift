import AuraEventLoop
import Testing

@Suite struct EventLoopTests {
    @Test func executeRunsInOrderAndTimersByDeadlineAndCancelledTimersNever() async throws {
        await withGroup(loops: 1) { group in
            let loop = group.loops[0]
            let order = Locked<[String]>([])
            loop.schedule(after: .milliseconds(30)) { order.withValue { $0.append("late") } }
            loop.schedule(after: .milliseconds(10)) { order.withValue { $0.append("early") } }
            let cancelled = loop.schedule(after: .milliseconds(5)) { order.withValue { $0.append("cancelled") } }
            cancelled.cancel()
            for index in 0..<3 { loop.execute { order.withValue { $0.append("work\(index)") } } }

            // "late" is the last deadline: once it ran, the cancelled timer would have run too.
            #expect(await eventually { order.current.count == 5 })
            #expect(order.current == ["work0", "work1", "work2", "early", "late"])
            cancelled.cancel()  // after the deadline: still harmless
        }
    }

    @Test func timerCancelledOnTheLoopBeforeItsDeadlineDoesNotRun() async throws {
        try await withGroup(loops: 1) { group in
            let loop = group.loops[0]
            let ran = Locked(false)
            let fired = try await loop.submit { () -> Bool in
                let timer = loop.schedule(after: .milliseconds(5)) { ran.withValue { $0 = true } }
                timer.cancel()
                return loop.inEventLoop
            }
            #expect(fired)
            await loop.timerFired(after: .milliseconds(10))  // timers run in deadline order
            #expect(ran.current == false)
        }
    }

    @Test func scheduledWorkWaitsForItsDelay() async {
        await withGroup(loops: 1) { group in
            let clock = ContinuousClock()
            let start = clock.now
            let elapsed = Locked<Duration?>(nil)
            group.loops[0].schedule(after: .milliseconds(20)) { elapsed.withValue { $0 = clock.now - start } }
            #expect(await eventually { elapsed.current != nil })
            #expect(elapsed.current! >= .milliseconds(20))
        }
    }

    @Test func taskWithExecutorPreferenceRunsOnTheLoopThread() async {
        await withGroup { group in
            let loop = group.loops[1]
            #expect(EventLoop.current == nil)
            #expect(!loop.inEventLoop)
            let seen = await Task(executorPreference: loop) { () -> [Bool] in
                let before = EventLoop.current === loop && loop.inEventLoop
                try? await Task.sleep(for: .milliseconds(1))
                let afterSuspension = EventLoop.current === loop
                return [before, afterSuspension, EventLoop.current !== group.loops[0]]
            }.value
            #expect(seen == [true, true, true])
        }
    }

    @Test func groupHandsOutLoopsRoundRobin() {
        let group = EventLoopGroup(loopCount: 3)
        defer { group.shutdown() }
        let picked = (0..<6).map { _ in group.next() }
        #expect(picked[0] === group.loops[0] && picked[1] === group.loops[1] && picked[2] === group.loops[2])
        #expect(picked[3] === group.loops[0] && picked[5] === group.loops[2])
    }

    @Test func shutdownClosesChannelsJoinsThreadsAndIsIdempotent() async throws {
        let group = EventLoopGroup(loopCount: 2)
        let server = RecordingHandler()
        let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in server }
        let client = RecordingHandler()
        let loop = group.next()
        _ = try await connect(to: listener.address, on: loop) { _ in client }
        #expect(await eventually { server.events == ["active"] })

        group.shutdown()
        #expect(client.events == ["active", "inactive"])
        #expect(server.events == ["active", "inactive"])
        group.shutdown()  // idempotent
        listener.close()  // after shutdown: returns at once

        let ran = Locked(false)
        loop.execute { ran.withValue { $0 = true } }
        await #expect(throws: EventLoopError.shutDown) { try await loop.submit { 1 } }
        await #expect(throws: EventLoopError.shutDown) {
            try await connect(to: listener.address, on: loop) { _ in RecordingHandler() }
        }
        #expect(ran.current == false)
    }

    @Test func shutdownCalledOnALoopThreadOnlySignalsAndALaterCallJoins() async throws {
        let group = EventLoopGroup(loopCount: 2)
        let returned = Locked(false)
        group.loops[0].execute {
            group.shutdown()  // must not join its own thread
            returned.withValue { $0 = true }
        }
        #expect(await eventually { returned.current })
        group.shutdown()
        await #expect(throws: EventLoopError.shutDown) { try await group.loops[1].submit { 1 } }
    }
}
