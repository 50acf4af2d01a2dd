import Glibc

extension PosixThread {
    /// Blocks the calling thread for `duration` (resuming after a signal with the time left).
    /// Only for threads of one's own, never an event loop or a task.
    public static func sleep(for duration: Duration) {
        let nanoseconds = duration.clampedNanoseconds
        var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) == -1 && errno == EINTR { request = remaining }
    }
}
