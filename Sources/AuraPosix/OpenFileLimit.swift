import Glibc

/// The process's limit on open descriptors (`RLIMIT_NOFILE`), which caps how many connections
/// it can hold: the soft limit is often 1024 while the hard one is far higher.
public enum OpenFileLimit {
    /// Raises the soft limit to the hard limit and returns the limit now in force.
    @discardableResult
    public static func raiseToMaximum() throws(SystemError) -> Int {
        var limit = rlimit()
        _ = try syscallValue("getrlimit") { getrlimit(resource, &limit) }
        if limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max
            _ = try syscallValue("setrlimit") { setrlimit(resource, &limit) }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// Glibc imports the resource as an enum case whose raw value the calls take.
    private static let resource = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
}
