import Foundation
import Glibc
import Synchronization

/// Every call of the unary rows, for `benchmarks/stalls.py` (`--call-log PATH`): one line per
/// call, "<row> <start> <latency>", the start in nanoseconds on CLOCK_MONOTONIC (the clock
/// `perf sched record -k CLOCK_MONOTONIC` stamps events with) and the latency in nanoseconds.
final class CallLog: Sendable {
    /// One call: its start, in nanoseconds after its row's start, and its latency.
    typealias Call = (start: UInt64, latency: UInt64)

    private let handle: FileHandle
    private let lock = Mutex(())

    /// Creates (or empties) the file at `path`.
    init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw BenchError("cannot create the call log \(path)")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    }

    /// Appends the calls of row `name`, which started at `start` on `clock`.
    func append(row name: String, calls: [Call], start: ContinuousClock.Instant, clock: ContinuousClock) {
        // CLOCK_MONOTONIC and the continuous clock read together, to map one onto the other.
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let monotonicNow = UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
        let monotonicStart = monotonicNow - (clock.now - start).nanoseconds
        var text = ""
        text.reserveCapacity(calls.count * (name.utf8.count + 32))
        for call in calls { text += "\(name) \(monotonicStart + call.start) \(call.latency)\n" }
        lock.withLock { _ in handle.write(Data(text.utf8)) }
    }
}
