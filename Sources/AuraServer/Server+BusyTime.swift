import AuraEventLoop

extension Server {
    /// Each event loop's busy time so far in nanoseconds (`EventLoop.busyNanoseconds`), in loop
    /// order; a loop not running counts 0. Read off the loops, e.g. by a sampler once a second.
    public var loopBusyNanoseconds: [UInt64] { group.loops.map { $0.busyNanoseconds ?? 0 } }
}
