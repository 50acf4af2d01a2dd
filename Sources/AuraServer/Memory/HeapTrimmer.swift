import AuraPosix
import Synchronization

/// Gives freed memory back to the kernel after a connection that held a lot of it closes, or
/// after many connections close, so the server's resident size returns near its baseline once
/// an abuse ends.
///
/// glibc keeps freed blocks below its (self-raising) mmap threshold in its arenas, and the
/// resident size stays at its peak; `Heap.trim()` (`malloc_trim(0)`) returns those pages. It
/// walks the whole heap, so it runs on a short-lived thread of its own, never on an event
/// loop, and at most once per `minimumInterval`. A close asks for a trim soon and for a
/// follow-up `followUp` later, since the calls of a closed connection may free their buffers
/// some time after it (a loaded machine runs their cancelled tasks late).
final class HeapTrimmer: Sendable {
    /// Connections that held this much together since the last request ask for a trim when
    /// they close: one large one, or many small ones.
    static let threshold = 8 << 20
    /// What a connection's own state costs besides what it held for its peer: an idle one holds
    /// no buffers, about 2.8 KiB in all (benchmarks/README.md, issue 17), so ten thousand idle
    /// connections gone leave about 27 MiB to give back.
    static let connectionOverhead = 3 << 10
    private let releasedSinceRequest = Atomic<Int>(0)

    private let schedule = Mutex(TrimSchedule(
        minimumInterval: .seconds(1), settleDelay: .milliseconds(50), followUp: .seconds(2)))
    private let count = Atomic<Int>(0)

    /// How many trims have run (for tests).
    var trims: Int { count.load(ordering: .relaxed) }

    /// A connection that held `peakBytes` at most closed.
    func connectionClosed(peakBytes: Int) {
        let released = releasedSinceRequest.add(peakBytes + Self.connectionOverhead, ordering: .relaxed).newValue
        guard released >= Self.threshold else { return }
        releasedSinceRequest.store(0, ordering: .relaxed)
        guard schedule.withLock({ $0.request(at: .now) }) else { return }  // its thread will serve it
        do {
            try PosixThread.spawn(name: "aura-heap-trim") { [self] in runDueTrims() }.detach()
        } catch {
            schedule.withLock { $0.threadEnded() }  // no thread now: a later close tries again
        }
    }

    private func runDueTrims() {
        while let wake = schedule.withLock({ $0.nextRun() }) {
            PosixThread.sleep(for: ContinuousClock.now.duration(to: wake))
            schedule.withLock { $0.ran(at: .now) }  // a request during the trim gets a trim of its own
            Heap.trim()
            count.add(1, ordering: .relaxed)
        }
    }
}

/// When heap trims run: soon after a request (once its connection's buffers are freed), again
/// `followUp` after the latest request, never closer than `minimumInterval`; one thread at a time
/// runs them.
struct TrimSchedule {
    let minimumInterval: Duration
    let settleDelay: Duration
    let followUp: Duration
    private var lastRun: ContinuousClock.Instant?
    private var due: ContinuousClock.Instant?
    private var followUpDue: ContinuousClock.Instant?
    private var hasThread = false

    init(minimumInterval: Duration, settleDelay: Duration, followUp: Duration) {
        self.minimumInterval = minimumInterval
        self.settleDelay = settleDelay
        self.followUp = followUp
    }

    /// A trim is wanted at `now`. Returns true when the caller must start the thread that runs
    /// trims (none is running).
    mutating func request(at now: ContinuousClock.Instant) -> Bool {
        let soon = earliest(now + settleDelay)
        due = min(due ?? soon, soon)
        followUpDue = now + followUp
        defer { hasThread = true }
        return !hasThread
    }

    /// The thread asks when to run the next trim; nil means none is due and the thread ends.
    mutating func nextRun() -> ContinuousClock.Instant? {
        if let due { return due }
        if let followUpDue {
            self.followUpDue = nil
            due = earliest(followUpDue)
            return due
        }
        hasThread = false
        return nil
    }

    /// A trim starts at `now`.
    mutating func ran(at now: ContinuousClock.Instant) {
        lastRun = now
        due = nil
    }

    /// The thread could not start.
    mutating func threadEnded() {
        hasThread = false
        due = nil
        followUpDue = nil
    }

    private func earliest(_ wanted: ContinuousClock.Instant) -> ContinuousClock.Instant {
        guard let lastRun else { return wanted }
        return max(wanted, lastRun + minimumInterval)
    }
}
