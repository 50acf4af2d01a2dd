import Glibc

/// A fixed set of descriptors to wait on with `poll`, for a thread of one's own that serves a
/// few descriptors (a child's socket and its stderr) without an event loop. Reusable: no
/// allocation per wait.
public struct PollSet {
    private var entries: [pollfd]

    /// Watches `descriptors` for readability (and hang-up); -1 entries are ignored.
    public init(readable descriptors: [CInt]) {
        entries = descriptors.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
    }

    /// Waits until a descriptor is ready or `timeoutMilliseconds` (-1: no limit) passes; true
    /// when one is ready.
    public mutating func wait(timeoutMilliseconds: Int) throws(SystemError) -> Bool {
        let count = nfds_t(entries.count)
        return try entries.withUnsafeMutableBufferPointer { (entries) throws(SystemError) in
            try syscallValue("poll") { poll(entries.baseAddress, count, CInt(clamping: timeoutMilliseconds)) } > 0
        }
    }

    /// Whether the descriptor at `index` was readable (or hung up) at the last wait.
    public func isReady(_ index: Int) -> Bool { entries[index].revents != 0 }

    /// Stops watching the descriptor at `index` (it reached its end).
    public mutating func remove(_ index: Int) {
        entries[index].fd = -1
        entries[index].revents = 0
    }
}
