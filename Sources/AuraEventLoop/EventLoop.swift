import AuraBytes
import AuraPosix
import Glibc
import Synchronization

/// One thread running an epoll loop. Every channel, listener and timer belongs to one loop and
/// is touched only on its thread, so they need no locks.
///
/// Each iteration waits in `epoll_wait` (until the nearest timer, or forever when idle), handles
/// ready descriptors, runs due timers, runs queued work and jobs, then flushes every channel
/// with queued writes (one `writev` each). Other threads hand work over with `execute`, which
/// wakes the loop through an eventfd only when no wake-up is already pending.
///
/// Loops are made and run by `EventLoopGroup`. The loop is also a `TaskExecutor`, so
/// `Task(executorPreference: loop) { ... }` runs the task's code on the loop thread.
public final class EventLoop: TaskExecutor, @unchecked Sendable {  // shared state under `lock`, the rest loop-thread only
    /// Where a loop is in its life; guarded by `lock`.
    enum Lifecycle { case running, stopping, shutDown }

    /// The loop thread's name, e.g. `"aura-loop-0"`.
    public let name: String

    let epoll: Epoll
    let wakeup: EventFD

    // Shared with other threads, under `lock`.
    let lock = Lock()
    var inbox: [LoopWork] = []
    var wakeupPending = false
    var lifecycle = Lifecycle.running

    // The loop thread's own state, touched by methods that never hold an access to it across a
    // call out (work runs after its read ends): `@exclusivity(unchecked)` spares each access a
    // run-time check.
    @exclusivity(unchecked) var localWork: [LoopWork] = []
    @exclusivity(unchecked) var runningWork: [LoopWork] = []
    @exclusivity(unchecked) var timers = TimerHeap()
    @exclusivity(unchecked) var timerSequence: UInt64 = 0
    @exclusivity(unchecked) var registry = Registry()
    @exclusivity(unchecked) var flushQueue: [Channel] = []
    /// The input buffer the next channel read on this loop starts with: a channel hands its
    /// buffer back here once the handler took every byte, so idle connections hold none.
    @exclusivity(unchecked) var spareReadBuffer: ByteBuffer?
    let events = EpollEventBuffer(capacity: 256)
    /// Scratch vectors for channel flushes, reused by every `writev` on this loop.
    let iovecs: UnsafeMutableBufferPointer<iovec>

    /// Runs jobs that arrive after shutdown, one at a time, once the thread has ended.
    let afterlife: SerialQueue
    /// Set by the loop thread as it ends, before the afterlife starts.
    var threadEnded = false
    /// The loop thread's CPU clock while it runs, -1 before and after (`busyNanoseconds`).
    let busyClock = Atomic<clockid_t>(-1)

    static let currentStorage = ThreadLocalReference<EventLoop>()

    /// Creates a loop (its epoll instance and wake-up eventfd); `EventLoopGroup` runs it.
    /// Failure to get two descriptors is fatal: the process is out of descriptors or memory.
    init(name: String) {
        self.name = name
        afterlife = SerialQueue(name: "\(name)-after", startsSuspended: true)
        do {
            epoll = try Epoll()
            wakeup = try EventFD()
            try epoll.add(wakeup.descriptor, events: .readable, data: EventLoop.wakeupTag(wakeup))
        } catch {
            fatalError("\(name): cannot create the event loop: \(error)")
        }
        let count = System.maxIOVectors
        iovecs = .allocate(capacity: count > 0 ? min(count, 1024) : 1024)
        iovecs.initialize(repeating: iovec())
    }

    deinit { iovecs.deallocate() }

    /// True on this loop's thread.
    public var inEventLoop: Bool { EventLoop.currentStorage.holds(self) }

    /// The loop whose thread is calling, or nil off every loop thread.
    public static var current: EventLoop? { currentStorage.value }

    static func wakeupTag(_ wakeup: EventFD) -> UInt64 {
        Registry.tag(generation: 0, descriptor: wakeup.descriptor)
    }

    /// Traps unless called on this loop's thread, in every build: for state whose confinement
    /// must hold in production too (`LoopBound`).
    @inline(__always)
    public func preconditionInEventLoop(file: StaticString = #fileID, line: UInt = #line) {
        precondition(inEventLoop, "called off the event loop thread \(name)", file: file, line: line)
    }

    /// Traps unless called on this loop's thread, in debug builds only (free in release): for
    /// the per-event entry points of loop-confined types.
    @inline(__always)
    public func assertInEventLoop(file: StaticString = #fileID, line: UInt = #line) {
        assert(inEventLoop, "called off the event loop thread \(name)", file: file, line: line)
    }
}
