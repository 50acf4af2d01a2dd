import AuraBytes
import AuraJobLog
import AuraPosix
import Glibc

/// The job log in process (no server): this disk's own sequential write + fdatasync bandwidth,
/// then what the log makes of it, all in the same folder, which is removed afterwards.
struct JobLogBenchmarks {
    /// The folder to measure in (created if missing; what is written there is removed after,
    /// and the folder too when it is left empty).
    let directory: String
    /// MiB for the raw write, the 1 MiB appends and the recovered log.
    let mebibytes: Int
    /// How long the 4 KiB appenders run.
    let duration: Duration

    /// "1 GiB" for 1024 MiB.
    private var sizeLabel: String { mebibytes % 1024 == 0 ? "\(mebibytes / 1024) GiB" : "\(mebibytes) MiB" }

    func run() async throws -> [BenchResult] {
        let root = directory
        try Files.createDirectories(root)
        defer { rmdir(root) }
        var results = [try diskWrite(in: root)]
        let logDirectory = "\(root)/joblog"
        results.append(try await appendLargeRecords(in: logDirectory))
        defer { removeTree(logDirectory) }
        defer { removeTree("\(root)/sealed") }
        results.append(try await appendLargeRecords(in: "\(root)/sealed", keyring: JobLogKeyring(current: try JobLogKey(bytes: (0..<32).map { _ in UInt8.random(in: 0...255) }))))
        results += try await recover(logDirectory)
        defer { removeTree("\(root)/small") }
        results.append(try await appendSmallRecords(in: "\(root)/small"))
        return results
    }

    /// Sequential 1 MiB writes and one fdatasync at the end: the ceiling for durable ingest.
    /// Measured twice (this shared disk's bandwidth swings several fold from one second to the
    /// next); the better figure is the one to compare with, the worse is shown beside it.
    private func diskWrite(in root: String) throws -> BenchResult {
        let chunk = [UInt8](repeating: 0xA5, count: 1 << 20)
        var rates: [Double] = []
        for _ in 0..<2 {
            let path = "\(root)/disk-write"
            let file = try RandomAccessFile.open(path, create: true, truncate: true)
            let clock = ContinuousClock()
            let start = clock.now
            for index in 0..<mebibytes { try file.write(chunk, at: index << 20) }
            try file.synchronizeData()
            rates.append(Double(mebibytes << 20) / (clock.now - start).seconds / 1e6)
            try Files.remove(path)  // (left behind if a write fails: the run stops there)
        }
        return BenchResult(name: "disk write+fdatasync", figures: [
            (key: "MB_per_s", value: rates.max()!), (key: "worse_MB_per_s", value: rates.min()!), (key: "MiB", value: Double(mebibytes)),
        ])
    }

    /// 4 appenders, each awaiting its 1 MiB appends one after the other; sealed (AES-256-GCM)
    /// when `keyring` has a key.
    private func appendLargeRecords(in path: String, keyring: JobLogKeyring = .plaintext) async throws -> BenchResult {
        var configuration = JobLogConfiguration(directory: path)
        configuration.keyring = keyring
        let (log, _) = try JobLog.open(configuration) { _ in }
        let record = LogRecord(type: 1, payload: ByteBuffer(bytes: (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }))
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for appender in 0..<4 {
                group.addTask {
                    for _ in stride(from: appender, to: mebibytes, by: 4) { _ = try await log.append([record]) }
                }
            }
            try await group.waitForAll()
        }
        let seconds = (clock.now - start).seconds
        let syncs = log.syncStats
        await log.close()
        return BenchResult(name: "joblog append 1 MiB records" + (keyring.current == nil ? "" : ", encrypted"), figures: [
            (key: "MB_per_s", value: Double(mebibytes << 20) / seconds / 1e6),
            (key: "fsyncs", value: Double(syncs.count)),
            (key: "fsync_p50_us", value: syncs.p50Microseconds),
        ])
    }

    /// Opens the log written by `appendLargeRecords` and visits every record: first with its
    /// pages dropped from the cache (as after a reboot), then cached (as after a crash).
    private func recover(_ path: String) async throws -> [BenchResult] {
        var results: [BenchResult] = []
        for cold in [true, false] {
            if cold {
                for name in try Files.names(inDirectory: path) { try RandomAccessFile.open("\(path)/\(name)", readOnly: true).dropCachedPages() }
            }
            var bytes = 0
            let clock = ContinuousClock()
            let start = clock.now
            let (log, report) = try JobLog.open(JobLogConfiguration(directory: path)) { bytes += $0.payload.readableBytes }
            let seconds = (clock.now - start).seconds
            await log.close()
            precondition(report.records == mebibytes && bytes == mebibytes << 20, "recovery lost records: \(report)")
            results.append(BenchResult(name: "joblog recover \(sizeLabel)" + (cold ? "" : " (cached)"), figures: [
                (key: "seconds", value: seconds), (key: "MB_per_s", value: Double(bytes) / seconds / 1e6),
            ]))
        }
        return results
    }

    /// 64 appenders of 4 KiB records for `duration`: group commit at work.
    private func appendSmallRecords(in path: String) async throws -> BenchResult {
        let (log, _) = try JobLog.open(JobLogConfiguration(directory: path)) { _ in }
        let record = LogRecord(type: 2, payload: ByteBuffer(bytes: [UInt8](repeating: 0x5A, count: 4096)))
        let clock = ContinuousClock()
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: Latencies.self) { group in
            for _ in 0..<64 {
                group.addTask {
                    var latencies = Latencies()
                    while clock.now - start < duration {
                        let sent = MonotonicClock.nanoseconds()
                        _ = try await log.append([record])
                        latencies.record(MonotonicClock.nanoseconds() - sent)
                    }
                    return latencies
                }
            }
            return try await group.reduce(into: Latencies()) { $0.merge($1) }
        }
        let seconds = (clock.now - start).seconds
        let syncs = log.syncStats
        await log.close()
        let summary = latencies.summary()
        return BenchResult(name: "joblog append 4 KiB records, 64 appenders", figures: [
            (key: "records_per_s", value: Double(latencies.count) / seconds),
            (key: "MB_per_s", value: Double(latencies.count * 4096) / seconds / 1e6),
            (key: "p50_us", value: summary["p50_us"]!), (key: "p99_us", value: summary["p99_us"]!),
            (key: "fsync_p50_us", value: syncs.p50Microseconds), (key: "fsync_p99_us", value: syncs.p99Microseconds),
        ])
    }
}

/// `rm -r path`.
private func removeTree(_ path: String) {
    guard let names = try? Files.names(inDirectory: path) else {
        try? Files.remove(path)
        return
    }
    for name in names { removeTree("\(path)/\(name)") }
    rmdir(path)
}
