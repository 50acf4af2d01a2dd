/// Runs closures one at a time, in the order they were queued, on a thread that starts when
/// work arrives and ends when none is left: for rare work that must neither run on an event
/// loop (it may write files) nor beside other work of the same queue (admin changes), and
/// must not keep a thread while idle.
public final class SerialQueue: @unchecked Sendable {  // the state below is guarded by `lock`
    private let name: String
    private let lock = Lock()
    private var pending: [@Sendable () -> Void] = []
    private var isDraining = false
    private var isSuspended: Bool

    /// Creates a queue whose thread is named `name`; a queue that `startsSuspended` holds its
    /// work until `activate()`.
    public init(name: String, startsSuspended: Bool = false) {
        self.name = name
        isSuspended = startsSuspended
    }

    /// Queues `work` to run after everything queued before it.
    public func async(_ work: @escaping @Sendable () -> Void) {
        let start = lock.withLock { () -> Bool in
            pending.append(work)
            return claimDrainer()
        }
        if start { startDrainer() }
    }

    /// Lets a queue created suspended run its work; idempotent.
    public func activate() {
        let start = lock.withLock { () -> Bool in
            isSuspended = false
            return claimDrainer()
        }
        if start { startDrainer() }
    }

    /// Whether the caller should start a drainer: work waits, none runs and the queue is active.
    /// Called with `lock` held.
    private func claimDrainer() -> Bool {
        guard !isDraining, !isSuspended, !pending.isEmpty else { return false }
        isDraining = true
        return true
    }

    private func startDrainer() {
        do {
            try PosixThread.spawn(name: name) { [self] in drain() }.detach()
        } catch {
            drain()  // no thread to be had: run the work here rather than never
        }
    }

    private func drain() {
        while true {
            let next = lock.withLock { () -> (@Sendable () -> Void)? in
                guard !pending.isEmpty else {
                    isDraining = false
                    return nil
                }
                return pending.removeFirst()
            }
            guard let next else { return }
            next()
        }
    }
}
