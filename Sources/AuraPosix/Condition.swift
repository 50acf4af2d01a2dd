import Glibc

/// A condition variable used with a `Lock`: one thread waits until another changes state
/// under the lock and signals.
public final class Condition: @unchecked Sendable {  // pthread_cond_t is made for cross-thread use
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    /// Creates a condition variable.
    public init() {
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        let rc = pthread_cond_init(condition, nil)
        precondition(rc == 0, "pthread_cond_init failed: \(rc)")
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deinitialize(count: 1)
        condition.deallocate()
    }

    /// Releases `lock` (which the caller holds), sleeps until signalled, and takes `lock` again.
    /// Wake-ups can be spurious: wait in a loop that re-checks the state.
    public func wait(_ lock: Lock) {
        _ = lock.withMutex { pthread_cond_wait(condition, $0) }
    }

    /// Wakes one waiting thread (any one), for state that one waiter can act on.
    public func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiting thread.
    public func broadcast() { pthread_cond_broadcast(condition) }
}
