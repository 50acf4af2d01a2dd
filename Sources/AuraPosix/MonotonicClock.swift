import Glibc

/// Reads `CLOCK_MONOTONIC`: a clock that never jumps, for deadlines and timeouts.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot), never decreasing.
    @inline(__always)
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}

extension Duration {
    /// The duration in whole nanoseconds, clamped to 0 for negative durations.
    public var clampedNanoseconds: UInt64 {
        let (seconds, attoseconds) = components
        if seconds < 0 || (seconds == 0 && attoseconds <= 0) { return 0 }
        let (secondsNanos, overflow) = UInt64(seconds).multipliedReportingOverflow(by: 1_000_000_000)
        if overflow { return UInt64.max / 2 }
        return secondsNanos &+ UInt64(attoseconds / 1_000_000_000)
    }
}
