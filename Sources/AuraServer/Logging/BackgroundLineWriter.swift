import AuraPosix

/// A record that formats itself as one line of a log, newline included.
public protocol LineFormattable: Sendable {
    /// Appends the line's bytes.
    func appendLine(to bytes: inout [UInt8])
}

/// Writes log records to a file from a thread of its own, so the threads that log (event
/// loops) never wait on a write.
///
/// `append` only queues the record under a lock; the writer thread formats what has queued
/// and writes it with one `write` per batch. When `capacity` records are waiting (the file
/// cannot keep up), new ones are dropped and counted, and a line says how many were lost:
/// logging never slows the server down.
public final class BackgroundLineWriter<Record: LineFormattable>: @unchecked Sendable {
    private let file: AppendFile
    private let capacity: Int
    private let batchPause: Duration
    private let lock = Lock()
    private let wakeUp = Condition()
    // Guarded by `lock`.
    private var queued: [Record] = []
    private var droppedCount = 0
    private var writerIsWaiting = false
    private var isClosed = false
    private var thread: PosixThread?

    /// Starts a writer thread appending to `file`. The writer pauses `batchPause` after each
    /// write so that a busy server's records go out in batches.
    public init(file: AppendFile, capacity: Int = 65_536, batchPause: Duration = .milliseconds(2)) throws(SystemError) {
        self.file = file
        self.capacity = capacity
        self.batchPause = batchPause
        thread = try PosixThread.spawn(name: "aura-log-writer") { [self] in run() }
    }

    /// Queues `record` for writing; never blocks beyond a short lock.
    public func append(_ record: Record) {
        lock.lock()
        guard !isClosed, queued.count < capacity else {
            droppedCount += 1
            lock.unlock()
            return
        }
        queued.append(record)
        let wake = writerIsWaiting
        writerIsWaiting = false
        lock.unlock()
        if wake { wakeUp.broadcast() }
    }

    /// Writes what is queued, stops the thread and closes the file. Later records are dropped.
    public func close() {
        lock.withLock { isClosed = true }
        wakeUp.broadcast()
        thread?.join()
        thread = nil
        file.close()
    }

    private func run() {
        var batch: [Record] = []
        var bytes: [UInt8] = []
        while true {
            lock.lock()
            while queued.isEmpty && !isClosed {
                writerIsWaiting = true
                wakeUp.wait(lock)
            }
            swap(&queued, &batch)
            let dropped = droppedCount
            droppedCount = 0
            let finished = isClosed && batch.isEmpty
            lock.unlock()
            if finished { return }

            bytes.removeAll(keepingCapacity: true)
            for record in batch { record.appendLine(to: &bytes) }
            if dropped > 0 { LogLine(level: .warning, message: "log writer: \(dropped) lines dropped (the file could not keep up)").appendLine(to: &bytes) }
            batch.removeAll(keepingCapacity: true)
            try? bytes.withUnsafeBytes { try file.write($0) }  // a log that cannot be written must not stop the server
            if batchPause > .zero { PosixThread.sleep(for: batchPause) }
        }
    }
}
