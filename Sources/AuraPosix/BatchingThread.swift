/// A queue drained in batches by a thread of its own, for writers that must never make the
/// threads feeding them (event loops) wait on a file: the access log, the server log, spans.
///
/// `append` only queues under a short lock. The thread takes everything queued, hands it to
/// `drain` together with how many items were dropped since the last batch, and pauses
/// `batchPause` so that a busy server's items go out in batches. When `capacity` items are
/// waiting, new ones are dropped and counted: a slow file never slows the server down.
public final class BatchingThread<Item: Sendable>: @unchecked Sendable {  // the queue is guarded by `lock`
    private let capacity: Int
    private let batchPause: Duration
    private let lock = Lock()
    private let wakeUp = Condition()
    // Guarded by `lock`.
    private var queued: [Item] = []
    private var droppedSinceBatch = 0
    private var drainerIsWaiting = false
    private var isClosed = false
    private var thread: PosixThread?

    /// Starts the thread `name`, which calls `drain(batch, dropped)` for each batch.
    public init(
        name: String, capacity: Int, batchPause: Duration, drain: @escaping @Sendable (_ batch: [Item], _ dropped: Int) -> Void
    ) throws(SystemError) {
        self.capacity = capacity
        self.batchPause = batchPause
        thread = try PosixThread.spawn(name: name) { [self] in run(drain) }
    }

    /// Queues `item`; false when it was dropped (the queue is full or closed).
    @discardableResult
    public func append(_ item: Item) -> Bool {
        lock.lock()
        guard !isClosed, queued.count < capacity else {
            droppedSinceBatch += 1
            lock.unlock()
            return false
        }
        queued.append(item)
        let wake = drainerIsWaiting
        drainerIsWaiting = false
        lock.unlock()
        if wake { wakeUp.broadcast() }
        return true
    }

    /// Drains what is queued and stops the thread. Later items are dropped.
    public func close() {
        lock.withLock { isClosed = true }
        wakeUp.broadcast()
        thread?.join()
        thread = nil
    }

    private func run(_ drain: (_ batch: [Item], _ dropped: Int) -> Void) {
        var batch: [Item] = []
        while true {
            lock.lock()
            while queued.isEmpty && !isClosed {
                drainerIsWaiting = true
                wakeUp.wait(lock)
            }
            swap(&queued, &batch)
            let dropped = droppedSinceBatch
            droppedSinceBatch = 0
            let finished = isClosed && batch.isEmpty
            lock.unlock()
            if finished { return }

            drain(batch, dropped)
            batch.removeAll(keepingCapacity: true)
            if batchPause > .zero { PosixThread.sleep(for: batchPause) }
        }
    }
}
