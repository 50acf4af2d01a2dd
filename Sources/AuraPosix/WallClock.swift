import Glibc

/// Reads `CLOCK_REALTIME`: the time of day, for timestamps in logs (never for timeouts, as it
/// can jump).
public enum WallClock {
    /// Microseconds since 1970-01-01T00:00:00Z.
    @inline(__always)
    public static func microseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) &* 1_000_000 &+ Int64(now.tv_nsec / 1000)
    }
}

extension WallClock {
    /// Nanoseconds since 1970-01-01T00:00:00Z (span timestamps).
    @inline(__always)
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return UInt64(now.tv_sec) &* 1_000_000_000 &+ UInt64(now.tv_nsec)
    }
}
