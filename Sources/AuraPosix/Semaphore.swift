/// A counting semaphore: `wait` blocks while the count is 0, then takes one; `signal` adds one.
/// For a thread that must block until asynchronous work elsewhere is done (the server's main
/// thread at shutdown).
public final class Semaphore: @unchecked Sendable {  // `count` is guarded by `lock`
    private let lock = Lock()
    private let changed = Condition()
    private var count: Int

    /// Creates a semaphore holding `count` (at least 0).
    public init(count: Int = 0) {
        precondition(count >= 0, "a semaphore's count is at least 0")
        self.count = count
    }

    /// Blocks until the count is above 0, then takes one.
    public func wait() {
        lock.lock()
        while count == 0 { changed.wait(lock) }
        count -= 1
        lock.unlock()
    }

    /// Adds one, waking a waiting thread.
    public func signal() {
        lock.withLock { count += 1 }
        changed.signal()
    }
}
