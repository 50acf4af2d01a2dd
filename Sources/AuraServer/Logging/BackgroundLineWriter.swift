import AuraPosix

/// A record that formats itself as one line of a log, newline included.
public protocol LineFormattable: Sendable {
    /// Appends the line's bytes.
    func appendLine(to bytes: inout [UInt8])
}

/// Writes log records to a file from a thread of its own, so the threads that log (event
/// loops) never wait on a write.
///
/// `append` only queues the record (`BatchingThread`); the writer thread formats what has queued
/// and writes it with one `write` per batch. When `capacity` records are waiting (the file
/// cannot keep up), new ones are dropped and counted, and a line says how many were lost:
/// logging never slows the server down.
public final class BackgroundLineWriter<Record: LineFormattable>: @unchecked Sendable {  // `bytes` belongs to the writer thread
    private let file: AppendFile
    private var queue: BatchingThread<Record>!
    private var bytes: [UInt8] = []

    /// Starts a writer thread appending to `file`. The writer pauses `batchPause` after each
    /// write so that a busy server's records go out in batches.
    public init(file: AppendFile, capacity: Int = 65_536, batchPause: Duration = .milliseconds(2)) throws(SystemError) {
        self.file = file
        queue = try BatchingThread(name: "aura-log-writer", capacity: capacity, batchPause: batchPause) { [self] in write($0, dropped: $1) }
    }

    /// Queues `record` for writing; never blocks beyond a short lock.
    public func append(_ record: Record) { queue.append(record) }

    /// Writes what is queued, stops the thread and closes the file. Later records are dropped.
    public func close() {
        queue.close()
        file.close()
    }

    private func write(_ batch: [Record], dropped: Int) {
        bytes.removeAll(keepingCapacity: true)
        for record in batch { record.appendLine(to: &bytes) }
        if dropped > 0 { LogLine(level: .warning, message: "log writer: \(dropped) lines dropped (the file could not keep up)").appendLine(to: &bytes) }
        try? bytes.withUnsafeBytes { try file.write($0) }  // a log that cannot be written must not stop the server
    }
}
