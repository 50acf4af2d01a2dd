import Glibc

/// A mutual-exclusion lock over `pthread_mutex_t`, for the little state that crosses threads
/// (an event loop's inbox, a group's thread list).
public final class Lock: @unchecked Sendable {  // a pthread mutex is made for cross-thread use
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    /// Creates an unlocked, non-recursive lock.
    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let rc = pthread_mutex_init(mutex, nil)
        precondition(rc == 0, "pthread_mutex_init failed: \(rc)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    /// Acquires the lock, blocking while another thread holds it.
    @inline(__always)
    public func lock() { pthread_mutex_lock(mutex) }

    /// Releases the lock; only the thread that holds it may call this.
    @inline(__always)
    public func unlock() { pthread_mutex_unlock(mutex) }

    /// Runs `body` while holding the lock and returns its result.
    @inline(__always)
    public func withLock<R>(_ body: () throws -> R) rethrows -> R {
        lock()
        defer { unlock() }
        return try body()
    }

    /// Calls `body` with the underlying mutex, for `Condition.wait`.
    func withMutex<R>(_ body: (UnsafeMutablePointer<pthread_mutex_t>) -> R) -> R { body(mutex) }
}
