import AuraPosix

extension EventLoop {
    /// How long the loop's thread has been busy (on a CPU, not waiting in `epoll_wait`) since it
    /// started, in nanoseconds: the kernel's CPU clock of the thread, read from any thread at
    /// the cost of one system call and nothing on the loop itself. Nil before the thread runs
    /// and after it ends.
    public var busyNanoseconds: UInt64? {
        let clock = busyClock.load(ordering: .acquiring)
        guard clock != -1 else { return nil }
        return try? CPUTime.nanoseconds(of: clock)
    }
}
