import Glibc
import Synchronization

/// Stops the servers aura-bench started when aura-bench itself is stopped by SIGTERM, SIGINT
/// or SIGHUP (a script's `timeout`, ^C): otherwise they outlive it and hold their ports, memory
/// and data directories. The handler only reads a fixed table and calls `kill` and `raise`,
/// which are async-signal-safe.
enum ChildReaper {
    private static let capacity = 64
    nonisolated(unsafe) private static let pids = UnsafeMutablePointer<pid_t>.allocate(capacity: capacity)
    private static let count = Atomic<Int>(0)
    private static let installed = Atomic<Bool>(false)

    /// Remembers `pid` to stop with aura-bench, in the slot of a child stopped before if there
    /// is one (a pid of 0 marks it).
    static func watch(_ pid: pid_t) {
        installHandlers()
        let used = count.load(ordering: .acquiring)
        if let free = (0..<used).first(where: { pids[$0] == 0 }) {
            pids[free] = pid
            return
        }
        guard used < capacity else { return }  // more than 64 servers alive at once: none runs that many
        pids[used] = pid
        count.store(used + 1, ordering: .releasing)
    }

    /// Forgets `pid`: it was stopped the normal way.
    static func forget(_ pid: pid_t) {
        for index in 0..<count.load(ordering: .acquiring) where pids[index] == pid { pids[index] = 0 }
    }

    private static func installHandlers() {
        guard installed.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        for signal in [SIGTERM, SIGINT, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                for index in 0..<ChildReaper.count.load(ordering: .acquiring) where ChildReaper.pids[index] > 0 {
                    kill(ChildReaper.pids[index], SIGTERM)
                }
                Glibc.signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signal, &action, nil)
        }
    }
}
