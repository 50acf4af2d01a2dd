/// The appends waiting for the writer thread, as a state machine without threads: appenders
/// submit, the writer takes everything ready as one batch. At most `limit` bytes wait to be
/// taken; beyond that appends wait their turn (backpressure), in order.
struct AppendQueue<Waiter> {
    /// One `append` call.
    struct Entry {
        var records: [LogRecord]
        /// Bytes on disk: headers and payloads.
        var bytes: Int
        var waiter: Waiter
    }

    enum State {
        case open
        /// The writer hit an error it cannot recover from; every append fails with it.
        case failed(JobLogError)
        /// `close()` was called: what is queued is written, new appends are refused.
        case closing
        /// The writer has exited.
        case closed
    }

    /// What `submit` did with an append.
    enum Submission {
        /// Queued; `wakeWriter` when the writer sleeps (signalling it otherwise would be a
        /// wasted syscall per append).
        case queued(wakeWriter: Bool)
        /// Waiting for queue space.
        case waiting
        /// Refused with this error (resume the appender with it).
        case refused(JobLogError)
    }

    /// What the writer thread does next.
    enum WriterStep {
        /// Write and sync these appends.
        case write([Entry])
        /// Sleep until woken.
        case wait
        /// Exit: closing and nothing is left.
        case exit
    }

    let limit: Int
    private(set) var state = State.open
    private var ready: [Entry] = []
    private var waiting: [Entry] = []
    private var waitingHead = 0
    private(set) var readyBytes = 0
    /// The writer asked for work and found none; the next queued append wakes it.
    private var writerIsWaiting = false

    init(limit: Int) { self.limit = limit }

    var waitingCount: Int { waiting.count - waitingHead }

    mutating func submit(_ entry: Entry) -> Submission {
        switch state {
        case .failed(let error): return .refused(error)
        case .closing, .closed: return .refused(.closed)
        case .open: break
        }
        if waitingCount > 0 || (readyBytes > 0 && readyBytes + entry.bytes > limit) {
            waiting.append(entry)
            return .waiting
        }
        ready.append(entry)
        readyBytes += entry.bytes
        defer { writerIsWaiting = false }
        return .queued(wakeWriter: writerIsWaiting)
    }

    /// Takes every ready append as one batch, then lets waiting appends in up to the limit.
    mutating func nextWriterStep() -> WriterStep {
        if ready.isEmpty {
            if case .closing = state { state = .closed; return .exit }
            writerIsWaiting = true
            return .wait
        }
        let batch = ready
        ready = []
        readyBytes = 0
        while waitingHead < waiting.count, readyBytes == 0 || readyBytes + waiting[waitingHead].bytes <= limit {
            ready.append(waiting[waitingHead])
            readyBytes += waiting[waitingHead].bytes
            waitingHead += 1
        }
        if waitingHead == waiting.count {
            waiting = []
            waitingHead = 0
        }
        return .write(batch)
    }

    /// Refuses new appends; what is queued or waiting is still written.
    mutating func close() {
        if case .open = state { state = .closing }
        if case .failed = state { state = .closing }
    }

    /// Enters the failed state; returns every queued and waiting append, to fail with `error`.
    mutating func fail(_ error: JobLogError) -> [Entry] {
        if case .open = state { state = .failed(error) }
        let dropped = ready + waiting[waitingHead...]
        ready = []
        readyBytes = 0
        waiting = []
        waitingHead = 0
        return dropped
    }
}
