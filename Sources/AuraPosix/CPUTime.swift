import Glibc

/// CPU time used, read from the kernel's own accounting: what a process or one thread spent
/// running (user and system), never time spent waiting. Reading costs one system call and
/// nothing on the code being measured.
public enum CPUTime {
    /// The CPU clock of the calling thread, which any thread may read later with
    /// `nanoseconds(of:)` while this thread lives (after it ends, the read fails).
    public static func currentThreadClock() throws(SystemError) -> clockid_t {
        var clock = clockid_t()
        let rc = pthread_getcpuclockid(pthread_self(), &clock)
        guard rc == 0 else { throw SystemError(call: "pthread_getcpuclockid", errno: rc) }
        return clock
    }

    /// The CPU time of a thread's clock (`currentThreadClock()`), in nanoseconds.
    public static func nanoseconds(of clock: clockid_t) throws(SystemError) -> UInt64 {
        var time = timespec()
        _ = try syscallValue("clock_gettime") { clock_gettime(clock, &time) }
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }

    /// The CPU time this whole process used so far (every thread, user plus system), in
    /// seconds, from `getrusage(RUSAGE_SELF)`.
    public static func processSeconds() -> Double {
        var usage = rusage()
        guard getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage) == 0 else { return 0 }
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
