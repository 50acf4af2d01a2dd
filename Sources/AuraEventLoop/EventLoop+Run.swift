import AuraPosix

extension EventLoop {
    /// The loop's thread body: iterate until asked to stop, then close everything registered.
    func runLoop() {
        EventLoop.currentStorage.value = self
        defer { EventLoop.currentStorage.value = nil }
        busyClock.store((try? CPUTime.currentThreadClock()) ?? -1, ordering: .releasing)
        let wakeupTag = EventLoop.wakeupTag(wakeup)
        while true {
            let count: Int
            do {
                count = try epoll.wait(into: events, timeoutMilliseconds: nextTimeoutMilliseconds())
            } catch {
                fatalError("\(name): \(error)")
            }
            for index in 0..<count {
                let tag = events.data(at: index)
                if tag == wakeupTag {
                    try? wakeup.drain()
                } else {
                    registry.lookup(tag: tag)?.handleEvents(events.events(at: index))
                }
            }
            runExpiredTimers()
            let stop = runQueuedWork()
            flushChannels()
            if stop { break }
        }
        tearDown()
        busyClock.store(-1, ordering: .releasing)
        threadEnded = true
        afterlife.activate()  // from now on, late jobs run there, never beside this thread
    }

    /// Runs the work queued before this call: first what the loop queued itself, then what
    /// other threads sent. Work queued meanwhile waits for the next iteration (which then
    /// polls without sleeping), so a task that re-queues itself cannot starve I/O.
    /// Returns true when the loop has been asked to stop.
    func runQueuedWork() -> Bool {
        if !localWork.isEmpty {
            swap(&localWork, &runningWork)
            runAndClear()
        }
        lock.lock()
        swap(&inbox, &runningWork)
        wakeupPending = false
        let stop = lifecycle != .running
        lock.unlock()
        runAndClear()
        return stop
    }

    private func runAndClear() {
        for index in runningWork.indices {
            switch runningWork[index] {
            case .closure(let body): body()
            case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
            }
        }
        runningWork.removeAll(keepingCapacity: true)
    }

    /// Flushes every channel that queued writes this iteration (one `writev` batch each).
    func flushChannels() {
        var index = 0
        while index < flushQueue.count {
            let channel = flushQueue[index]
            index += 1
            channel.flushNow()
        }
        flushQueue.removeAll(keepingCapacity: true)
    }

    /// Closes every channel, listener and pending connect, then runs the work that follows
    /// (`channelInactive` callbacks, resumed continuations) until none is left, at most 100
    /// rounds. Work sent by other threads after that is refused; pending timers are dropped;
    /// jobs still queued move to the afterlife queue, so no task is left suspended forever.
    private func tearDown() {
        var refusing = false
        for _ in 0..<100 {
            for selectable in registry.all { selectable.closeForShutdown() }
            let pending = !localWork.isEmpty || lock.withLock { !inbox.isEmpty }
            if !pending {
                if refusing { break }
                // Refuse new work; one more pass runs whatever arrived before this.
                lock.withLock { lifecycle = .shutDown }
                refusing = true
                continue
            }
            _ = runQueuedWork()
        }
        let (late, leftover) = lock.withLock { () -> ([ScheduledTask], [LoopWork]) in
            lifecycle = .shutDown
            let leftover = inbox
            inbox.removeAll()
            let late = timers.removeAll()
            for task in late { task.state = .cancelled }
            return (late, leftover)
        }
        for task in late { task.work = nil }
        for selectable in registry.all { selectable.closeForShutdown() }
        for case .job(let job) in leftover + localWork { runInAfterlife(job) }
        localWork.removeAll()
        flushQueue.removeAll()
        epoll.close()
    }
}
