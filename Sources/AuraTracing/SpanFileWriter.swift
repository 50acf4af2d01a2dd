import AuraPosix
import Synchronization

/// Writes finished spans to a file as OTLP/JSON lines from a thread of its own, so the event
/// loops that finish spans never wait on a write.
///
/// `append` only queues the span under a short lock; the writer thread takes what has queued,
/// writes it as lines of at most `spansPerLine` spans, and pauses `batchPause` so that a busy
/// server's spans go out in batches. When `capacity` spans are waiting, new ones are dropped
/// and counted (`droppedSpans`): tracing never slows the server down. Unlike the access log's
/// writer, nothing else is ever written into the file, which a collector parses line by line.
///
/// The file never passes `maxBytes` (unless one span alone is larger, which a server's spans of
/// about 1 KB are not against a cap of at least 1 MiB): a line that would take it past is
/// written to a new file after the current one is renamed to PATH.1 (replacing the previous
/// PATH.1), so spans take at most twice `maxBytes` on disk. A collector following PATH reads on.
public final class SpanFileWriter: @unchecked Sendable {  // the file belongs to the writer thread
    /// The file's path.
    public let path: String
    /// The most bytes one file holds.
    public let maxBytes: Int
    private let linePrefix: [UInt8]
    private var queue: BatchingThread<SpanRecord>!
    // The writer thread's.
    private var file: AppendFile?
    private var fileBytes = 0
    private let dropped = Atomic<Int>(0)
    private let written = Atomic<Int>(0)

    /// The default of `maxBytes`: 64 MiB.
    public static let defaultMaxBytes = 64 << 20

    /// The most spans one line holds.
    public static let spansPerLine = 128

    /// Opens (creating) the file at `path` for appending and starts the writer thread. Spans are
    /// written under a resource with the `resource` attributes (`service.name`, ...).
    public init(
        path: String, maxBytes: Int, resource: [SpanAttribute], capacity: Int = 16_384, batchPause: Duration = .milliseconds(2)
    ) throws(SystemError) {
        self.path = path
        self.maxBytes = maxBytes
        linePrefix = OTLPJSON.linePrefix(resource: resource)
        _ = try openFile()
        queue = try BatchingThread(name: "aura-span-writer", capacity: capacity, batchPause: batchPause) { [self] batch, _ in
            writeLines(batch)
        }
    }

    /// Spans dropped so far: the queue was full, the writer closed, or a write failed.
    public var droppedSpans: Int { dropped.load(ordering: .relaxed) }

    /// Spans written so far.
    public var writtenSpans: Int { written.load(ordering: .relaxed) }

    /// Queues `span` for writing; never blocks beyond a short lock.
    public func append(_ span: SpanRecord) {
        if !queue.append(span) { dropped.add(1, ordering: .relaxed) }
    }

    /// Writes what is queued, stops the thread and closes the file. Later spans are dropped.
    public func close() {
        queue.close()
        file?.close()
    }

    /// Writes `spans` as lines of at most `spansPerLine` spans and, unless one span alone is
    /// larger, at most `maxBytes` bytes.
    private func writeLines(_ spans: [SpanRecord]) {
        var line = linePrefix
        var lineSpans = 0
        var span: [UInt8] = []
        for record in spans {
            span.removeAll(keepingCapacity: true)
            OTLPJSON.appendSpan(record, to: &span)
            if lineSpans > 0 && (lineSpans == Self.spansPerLine || line.count + 1 + span.count + OTLPJSON.lineSuffix.count > maxBytes) {
                write(line + OTLPJSON.lineSuffix, spans: lineSpans)
                line = linePrefix
                lineSpans = 0
            }
            if lineSpans > 0 { line.append(0x2C) }
            line += span
            lineSpans += 1
        }
        if lineSpans > 0 { write(line + OTLPJSON.lineSuffix, spans: lineSpans) }
    }

    /// Writes one line, rotating the file first when the line would take it past `maxBytes`.
    private func write(_ line: [UInt8], spans: Int) {
        do {
            if fileBytes > 0 && fileBytes + line.count > maxBytes { try rotate() }
            let file = try openFile()
            try line.withUnsafeBytes { try file.write($0) }
            fileBytes += line.count
            written.add(spans, ordering: .relaxed)
        } catch {
            dropped.add(spans, ordering: .relaxed)  // a trace that cannot be written must not stop the server
        }
    }

    /// Closes the file and renames it PATH.1; the next write opens a new one. A rename that
    /// fails leaves the full file in place, so later lines are dropped rather than pass the cap.
    private func rotate() throws(SystemError) {
        file?.close()
        file = nil
        try Files.rename(path, to: path + ".1")
        fileBytes = 0
    }

    /// The open file, opened (with its current size) when there is none.
    private func openFile() throws(SystemError) -> AppendFile {
        if let file { return file }
        let opened = try AppendFile.open(path)
        file = opened
        fileBytes = Int(try ReadableFile.size(of: path) ?? 0)
        return opened
    }
}
