import AuraPosix
import Synchronization

/// Gives freed memory back to the kernel after a connection that held a lot of it closes, so
/// the server's resident size returns near its baseline once an abuse ends.
///
/// glibc keeps freed blocks below its (self-raising) mmap threshold in its arenas, and the
/// resident size stays at its peak; `Heap.trim()` (`malloc_trim(0)`) returns those pages. It
/// walks the whole heap, so it runs on a short-lived thread of its own, never on an event
/// loop, and at most once per `minimumInterval`: a request inside the interval is served by
/// one trim at its end, so the last close is always followed by a trim.
final class HeapTrimmer: Sendable {
    /// A connection that held at least this much asks for a trim when it closes.
    static let threshold = 8 << 20
    /// Trims are at least this far apart.
    static let minimumInterval = Duration.seconds(1)
    /// How long after a request a trim runs, so the closed connection's buffers are freed first.
    static let settleDelay = Duration.milliseconds(50)

    private let schedule = Mutex(TrimSchedule(minimumInterval: HeapTrimmer.minimumInterval))
    private let count = Atomic<Int>(0)

    /// How many trims have run (for tests).
    var trims: Int { count.load(ordering: .relaxed) }

    /// A connection that held `peakBytes` at most closed.
    func connectionClosed(peakBytes: Int) {
        guard peakBytes >= Self.threshold else { return }
        let now = ContinuousClock.now
        guard let delay = schedule.withLock({ $0.request(at: now) }) else { return }
        let thread = try? PosixThread.spawn(name: "aura-heap-trim") { [self] in
            PosixThread.sleep(for: delay + Self.settleDelay)
            schedule.withLock { $0.ran(at: .now) }
            Heap.trim()
            count.add(1, ordering: .relaxed)
        }
        if let thread {
            thread.detach()
        } else {
            schedule.withLock { $0.ran(at: now) }  // no thread now: let a later close try again
        }
    }
}

/// When heap trims may run: at most one waiting, at least `minimumInterval` apart.
struct TrimSchedule {
    let minimumInterval: Duration
    private var lastRun: ContinuousClock.Instant?
    private var isScheduled = false

    init(minimumInterval: Duration) { self.minimumInterval = minimumInterval }

    /// A trim is wanted at `now`: returns how long to wait before running it, or nil when one
    /// is already waiting (it will cover this request too).
    mutating func request(at now: ContinuousClock.Instant) -> Duration? {
        guard !isScheduled else { return nil }
        isScheduled = true
        guard let lastRun else { return .zero }
        return max(.zero, minimumInterval - lastRun.duration(to: now))
    }

    /// The waiting trim starts at `now`; the next request schedules a new one.
    mutating func ran(at now: ContinuousClock.Instant) {
        isScheduled = false
        lastRun = now
    }
}
