import AuraPosix

/// A fixed set of event loops, one thread each: the server's and the client's I/O threads.
public final class EventLoopGroup: @unchecked Sendable {  // mutable state under `lock`
    private enum JoinState { case running, joining, joined }

    /// The loops, in creation order.
    public let loops: [EventLoop]

    private let lock = Lock()
    private let joinedCondition = Condition()
    private var threads: [PosixThread]
    private var joinState = JoinState.running
    private var nextIndex = 0

    /// Starts `loopCount` loops (at least one), each on its own thread named `aura-loop-N`.
    /// Failure to start a thread is fatal (the process is out of threads or memory).
    public init(loopCount: Int) {
        precondition(loopCount > 0, "an event loop group needs at least one loop")
        loops = (0..<loopCount).map { EventLoop(name: "aura-loop-\($0)") }
        threads = loops.map { loop in
            do {
                return try PosixThread.spawn(name: loop.name) { loop.runLoop() }
            } catch {
                fatalError("cannot start \(loop.name): \(error)")
            }
        }
    }

    deinit {
        // Never shut down: stop the loops and let their threads end on their own.
        if joinState == .running {
            for loop in loops { loop.requestStop() }
            for thread in threads { thread.detach() }
        }
    }

    /// The next loop in round-robin order; callable from any thread.
    public func next() -> EventLoop {
        lock.withLock {
            let loop = loops[nextIndex]
            nextIndex = (nextIndex + 1) % loops.count
            return loop
        }
    }

    /// `shutdown()` for async callers: the threads are joined on a thread of its own, so no
    /// cooperative thread blocks while the loops finish. Same semantics otherwise.
    public func shutdownGracefully() async {
        if loops.contains(where: { $0.inEventLoop }) { return shutdown() }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            do {
                try PosixThread.spawn(name: "aura-loop-join") {
                    self.shutdown()
                    continuation.resume()
                }.detach()
            } catch {
                shutdown()  // no thread to spare: join here rather than not at all
                continuation.resume()
            }
        }
    }

    /// Stops every loop (each closes its channels, listeners and pending connects, so handlers
    /// see `channelInactive`), then waits for the threads to end. Idempotent; a concurrent
    /// caller waits for the first. Called on one of this group's loop threads, it only asks
    /// the loops to stop and returns (joining there would deadlock); a later call from another
    /// thread joins them.
    public func shutdown() {
        for loop in loops { loop.requestStop() }
        if loops.contains(where: { $0.inEventLoop }) { return }

        lock.lock()
        switch joinState {
        case .joined:
            lock.unlock()
            return
        case .joining:
            while joinState != .joined { joinedCondition.wait(lock) }
            lock.unlock()
            return
        case .running:
            joinState = .joining
            lock.unlock()
        }
        for thread in threads { thread.join() }
        lock.withLock { joinState = .joined }
        joinedCondition.broadcast()
    }
}
