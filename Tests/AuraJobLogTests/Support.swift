import AuraBytes
import AuraJobLog
import AuraPosix
import Glibc

/// A fresh folder under /tmp for one test's log, removed with everything in it by `remove()`.
struct ScratchDirectory {
    let path: String

    init() {
        var template = Array("/tmp/aura-joblog-tests-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
    }

    /// The log's folder inside the scratch folder (created by the log itself).
    var logPath: String { "\(path)/joblog" }

    func configuration(segmentSize: Int = 64 << 10, maxRecordSize: Int = 256 << 10, preallocate: Bool = true) -> JobLogConfiguration {
        var configuration = JobLogConfiguration(directory: logPath)
        configuration.segmentSize = segmentSize
        configuration.maxRecordSize = maxRecordSize
        configuration.preallocate = preallocate
        return configuration
    }

    func segmentPath(_ id: UInt64) -> String { "\(logPath)/" + String(repeating: "0", count: 20 - String(id).count) + "\(id).seg" }

    func remove() { removeTree(path) }
}

/// `rm -r path`.
func removeTree(_ path: String) {
    guard let names = try? Files.names(inDirectory: path) else {
        unlink(path)
        return
    }
    for name in names { removeTree("\(path)/\(name)") }
    rmdir(path)
}

/// A payload of `count` bytes that differs with `seed`.
func payload(_ count: Int, seed: Int) -> ByteBuffer {
    var generator = SplitMix(seed: UInt64(seed))
    var buffer = ByteBuffer(capacity: count)
    _ = buffer.writeWithUnsafeMutableBytes(minimumWritable: count) { out in
        for index in 0..<count { out[index] = UInt8(truncatingIfNeeded: generator.next()) }
        return count
    }
    return buffer
}

/// A small deterministic random generator, so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Opens the log, collecting what recovery visits. Opening blocks on disk reads and syncs, so
/// it runs on a thread of its own: the tests' cooperative threads are shared with every other
/// suite of the test process.
func openLog(_ configuration: JobLogConfiguration, repair: Bool = false) async throws -> (JobLog, RecoveryReport, [StoredRecord]) {
    try await onOwnThread {
        var visited: [StoredRecord] = []
        let (log, report) = try JobLog.open(configuration, repair: repair) { visited.append($0) }
        return (log, report, visited)
    }
}

/// Runs blocking `body` on a new thread and returns (or throws) what it does.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        do {
            try PosixThread.spawn(name: "joblog-test") { continuation.resume(with: Result { try body() }) }.detach()
        } catch {
            continuation.resume(throwing: error)
        }
    }
}

/// The error `open` throws, or nil when it opened (the log is closed again).
func openError(_ configuration: JobLogConfiguration) async -> JobLogError? {
    do {
        let (log, _, _) = try await openLog(configuration)
        await log.close()
        return nil
    } catch let error as JobLogError {
        return error
    } catch {
        return nil
    }
}

/// Reads and edits segment files behind the log's back.
enum Tamper {
    static func bytes(_ path: String) throws -> [UInt8] {
        let file = try RandomAccessFile.open(path, readOnly: true)
        return try file.read(count: file.size(), at: 0)
    }

    static func write(_ bytes: [UInt8], to path: String, at offset: Int) throws {
        try RandomAccessFile.open(path).write(bytes, at: offset)
    }

    static func flipBit(_ path: String, at offset: Int, bit: UInt8 = 0x10) throws {
        let file = try RandomAccessFile.open(path)
        var byte = try file.read(count: 1, at: offset)
        byte[0] ^= bit
        try file.write(byte, at: offset)
    }

    static func truncate(_ path: String, to size: Int) throws { try RandomAccessFile.open(path).truncate(to: size) }

    static func size(_ path: String) throws -> Int { try RandomAccessFile.open(path, readOnly: true).size() }
}
