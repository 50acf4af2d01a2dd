import Glibc

/// Limits on the calling process's resources (`setrlimit`), inherited by its children.
public enum ResourceLimit {
    /// Caps the process's data (heap and private writable mappings, `RLIMIT_DATA`) at `bytes`:
    /// past it, allocations fail instead of the machine running out of memory.
    public static func capData(at bytes: Int) throws(SystemError) {
        var limit = rlimit(rlim_cur: rlim_t(bytes), rlim_max: rlim_t(bytes))
        _ = try syscallValue("setrlimit(RLIMIT_DATA)") { setrlimit(__rlimit_resource_t(RLIMIT_DATA.rawValue), &limit) }
    }
}
