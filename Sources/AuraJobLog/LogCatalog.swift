import AuraPosix
import Glibc

/// What callers see of the log while the writer thread appends: the segments with their
/// durable ends (the current one last) and the sync latencies. Guarded by one lock; the writer
/// publishes here only after an `fdatasync` succeeded, so readers never see unsynced bytes.
final class LogCatalog: @unchecked Sendable {
    private let lock = Lock()
    private var extents: [SegmentExtent]
    private var currentFile: RandomAccessFile
    /// Bytes the current segment and the prepared next one take on disk beyond their records.
    private var reservedBytes = 0
    private var syncs = SyncWindow(capacity: 1024)
    /// Backups in progress (`SegmentHold`s not released): no segment is removed while any is.
    private var holds = 0
    private let syncObserver: (@Sendable (UInt64) -> Void)?

    init(extents: [SegmentExtent], currentFile: RandomAccessFile, syncObserver: (@Sendable (UInt64) -> Void)? = nil) {
        precondition(!extents.isEmpty, "a log has a current segment")
        self.syncObserver = syncObserver
        self.extents = extents
        self.currentFile = currentFile
    }

    /// Segment `id`'s end and key id, and its file when it is the current one.
    func locate(_ id: UInt64) -> (end: Int, keyID: UInt32, currentFile: RandomAccessFile?)? {
        lock.withLock {
            guard let index = index(of: id) else { return nil }
            return (extents[index].end, extents[index].keyID, index == extents.count - 1 ? currentFile : nil)
        }
    }

    /// The segments, oldest first, with their durable ends.
    var snapshot: [SegmentExtent] { lock.withLock { extents } }

    var endPosition: LogPosition {
        lock.withLock { LogPosition(segment: extents[extents.count - 1].id, offset: UInt64(extents[extents.count - 1].end)) }
    }

    var diskUsage: Int { lock.withLock { extents.reduce(reservedBytes) { $0 + $1.end } } }

    /// The writer synced its current segment up to `end`.
    func advance(to end: Int, reserved: Int) {
        lock.withLock {
            extents[extents.count - 1].end = end
            reservedBytes = reserved
        }
    }

    /// The writer started segment `id`, sealed under `keyID` (its header synced).
    func roll(to id: UInt64, file: RandomAccessFile, end: Int, keyID: UInt32) {
        lock.withLock {
            extents.append(SegmentExtent(id: id, end: end, keyID: keyID))
            currentFile = file
        }
    }

    /// Forgets closed segment `id`; throws EBUSY for the current one, ENOENT for an unknown one.
    func remove(_ id: UInt64) throws(SystemError) {
        lock.lock()
        defer { lock.unlock() }
        guard let index = index(of: id) else { throw SystemError(call: "removeSegment \(id)", errno: ENOENT) }
        guard index < extents.count - 1 else { throw SystemError(call: "removeSegment \(id) (the current segment)", errno: EBUSY) }
        guard holds == 0 else { throw SystemError(call: "removeSegment \(id) (held by a backup in progress)", errno: EBUSY) }
        extents.remove(at: index)
    }

    /// The segments with their durable ends, held from removal until `releaseHold()`.
    func hold() -> [SegmentExtent] {
        lock.withLock {
            holds += 1
            return extents
        }
    }

    func releaseHold() { lock.withLock { holds -= 1 } }

    var isHeld: Bool { lock.withLock { holds > 0 } }

    func recordSync(nanoseconds: UInt64) {
        lock.withLock { syncs.record(nanoseconds) }
        syncObserver?(nanoseconds)
    }

    var syncStats: SyncStats { lock.withLock { syncs.stats } }

    private func index(of id: UInt64) -> Int? {
        var low = 0
        var high = extents.count
        while low < high {
            let middle = (low + high) / 2
            if extents[middle].id < id { low = middle + 1 } else { high = middle }
        }
        return low < extents.count && extents[low].id == id ? low : nil
    }
}

/// The most recent `capacity` sync latencies (a ring) and the total count.
struct SyncWindow {
    private var samples: [UInt32] = []
    private var next = 0
    private let capacity: Int
    private(set) var count = 0

    init(capacity: Int) { self.capacity = capacity }

    mutating func record(_ nanoseconds: UInt64) {
        let micros = UInt32(clamping: nanoseconds / 1000)
        if samples.count < capacity { samples.append(micros) } else { samples[next] = micros }
        next = (next + 1) % capacity
        count += 1
    }

    var stats: SyncStats {
        let sorted = samples.sorted()
        func percentile(_ p: Double) -> Double {
            sorted.isEmpty ? 0 : Double(sorted[min(sorted.count - 1, Int((p * Double(sorted.count)).rounded(.up)) - 1)])
        }
        return SyncStats(count: count, p50Microseconds: percentile(0.5), p99Microseconds: percentile(0.99))
    }
}
