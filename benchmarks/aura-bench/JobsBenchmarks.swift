import AuraBytes
import AuraClient
import AuraEventLoop
import AuraMessages
import AuraPosix
import Foundation

/// The `jobs` group: durable ingest against this disk's own write+fdatasync bandwidth, many
/// concurrent Submits, a small job end to end, recovery of a large log at start, processing
/// against the analyzer in process. It starts its own aura-server on a data directory in a
/// temporary folder, removed at the end.
struct JobsBenchmarks {
    let serverBinary: String?
    let serverLoops: Int?
    let pluginDirectory: String
    let ingestMegabytes: Int
    let loop: EventLoop
    let duration: Duration

    func run(report: @MainActor (BenchResult) -> Void) async throws {
        let folder = NSTemporaryDirectory() + "aura-bench-jobs-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/data"
        let bytes = ingestMegabytes << 20

        await report(try diskWriteAndSync(bytes: bytes, in: folder))
        await report(try await encryptedIngest(bytes: bytes, in: folder))
        var server = try ServerProcess(binary: serverBinary, loops: serverLoops, dataDirectory: data)
        var client = AuraClient(address: "127.0.0.1:\(server.port)", configuration: server.clientConfiguration, loop: loop)
        do {
            await report(try await ingest(bytes: bytes, client: client))
            await client.shutdown()
            server.stop()

            let clock = ContinuousClock()
            let start = clock.now
            server = try ServerProcess(binary: serverBinary, loops: serverLoops, dataDirectory: data)
            let recovery = (clock.now - start).seconds
            await report(BenchResult(name: "job log recovery \(Self.size(bytes))", figures: [(key: "s", value: recovery)]))
            client = AuraClient(address: "127.0.0.1:\(server.port)", configuration: server.clientConfiguration, loop: loop)

            await report(try await concurrentSubmissions(100, bytes: 1_000_000, client: client))
            await report(try await smallJobToCompleted(client: client))
            await report(try await processing(records: 200_000, client: client))
            await report(try analyzerInProcess())
        } catch {
            await client.shutdown()
            server.stop()
            throw error
        }
        await client.shutdown()
        server.stop()
    }

    /// The same ingest into a server that seals its job log (AES-256-GCM, docs/ENCRYPTION.md),
    /// with a data directory of its own, removed before the plaintext rows run.
    private func encryptedIngest(bytes: Int, in folder: String) async throws -> BenchResult {
        let keyFile = folder + "/joblog.key"
        let key = (0..<32).map { _ in String(0x100 + Int(UInt8.random(in: 0...255)), radix: 16).dropFirst() }.joined()  // the system's CSPRNG
        try Files.write(Array(key.utf8), to: keyFile, mode: 0o600)
        let data = folder + "/data-encrypted"
        defer { try? FileManager.default.removeItem(atPath: data) }
        let server = try ServerProcess(
            binary: serverBinary, loops: serverLoops, extraArguments: ["--encryption-key-file", keyFile], dataDirectory: data)
        let client = AuraClient(address: "127.0.0.1:\(server.port)", loop: loop)
        defer { server.stop() }
        do {
            let result = try await ingest(bytes: bytes, client: client)
            await client.shutdown()
            return BenchResult(name: result.name + ", encrypted", figures: result.figures)
        } catch {
            await client.shutdown()
            throw error
        }
    }

    /// Sequential 1 MiB writes of `bytes` to a new file in `folder`, then one fdatasync.
    private func diskWriteAndSync(bytes: Int, in folder: String) throws -> BenchResult {
        let path = folder + "/disk-write.bin"
        defer { try? Files.remove(path) }
        let file = try RandomAccessFile.open(path, create: true, truncate: true)
        let block = [UInt8](repeating: 0x61, count: 1 << 20)
        let clock = ContinuousClock()
        let start = clock.now
        var offset = 0
        while offset < bytes {
            try file.write(block, at: offset)
            offset += block.count
        }
        try file.synchronizeData()
        let seconds = (clock.now - start).seconds
        return BenchResult(name: "disk write+fdatasync \(Self.size(bytes))", figures: [(key: "MB_per_s", value: Double(bytes) / seconds / 1e6)])
    }

    /// One Submit of a lines document of `bytes`, generated on the fly, to its durable
    /// acknowledgement; the job is then cancelled (its processing is measured elsewhere).
    private func ingest(bytes: Int, client: AuraClient) async throws -> BenchResult {
        let clock = ContinuousClock()
        let start = clock.now
        let response = try await client.submit(JobSpec(name: "ingest", format: .lines), document: LinesDocument(bytes: bytes))
        let seconds = (clock.now - start).seconds
        _ = try? await client.cancel(response.jobId)
        guard response.bytes == UInt64(bytes) else { throw BenchError("ingest acknowledged \(response.bytes) of \(bytes) bytes") }
        return BenchResult(name: "job ingest \(Self.size(bytes))", figures: [(key: "MB_per_s", value: Double(bytes) / seconds / 1e6)])
    }

    /// `count` Submits of `bytes` each at once: every one acknowledged, the time to each
    /// acknowledgement. The jobs are cancelled afterwards.
    private func concurrentSubmissions(_ count: Int, bytes: Int, client: AuraClient) async throws -> BenchResult {
        let clock = ContinuousClock()
        let acknowledged = try await withThrowingTaskGroup(of: (String, Int64).self) { group in
            for _ in 0..<count {
                group.addTask(executorPreference: loop) {
                    let start = clock.now
                    let response = try await client.submit(JobSpec(name: "concurrent", format: .lines), document: LinesDocument(bytes: bytes))
                    let elapsed: Duration = clock.now - start
                    return (response.jobId, Int64(elapsed.nanoseconds))
                }
            }
            var all: [(String, Int64)] = []
            for try await one in group { all.append(one) }
            return all
        }
        for (jobID, _) in acknowledged { _ = try? await client.cancel(jobID) }
        let milliseconds = acknowledged.map { Double($0.1) / 1e6 }.sorted()
        return BenchResult(name: "\(count) concurrent submissions of 1 MB", figures: [
            (key: "ms_p50", value: milliseconds[milliseconds.count / 2]),
            (key: "ms_p99", value: milliseconds[min(milliseconds.count - 1, milliseconds.count * 99 / 100)]),
        ])
    }

    /// A 1 MB lines document from the start of its Submit to COMPLETED (seen through Watch),
    /// the median of three.
    private func smallJobToCompleted(client: AuraClient) async throws -> BenchResult {
        let clock = ContinuousClock()
        var seconds: [Double] = []
        for _ in 0..<3 {
            let start = clock.now
            let response = try await client.submit(JobSpec(name: "small", format: .lines), document: LinesDocument(bytes: 1_000_000))
            let job = try await finalState(of: response.jobId, client: client)
            guard job.state == .completed else { throw BenchError("job \(job.jobId) ended \(job.state): \(job.error)") }
            seconds.append((clock.now - start).seconds)
        }
        return BenchResult(name: "1 MB lines document to COMPLETED", figures: [(key: "s", value: seconds.sorted()[1])])
    }

    /// A document of `records` lines processed by one worker: records/s between the job's
    /// start and end times, as the server recorded them.
    private func processing(records: Int, client: AuraClient) async throws -> BenchResult {
        let document = LinesDocument(lines: records)
        let response = try await client.submit(JobSpec(name: "processing", format: .lines), document: document)
        let job = try await finalState(of: response.jobId, client: client)
        guard job.state == .completed, job.recordsDone == UInt64(records) else {
            throw BenchError("job \(job.jobId) ended \(job.state) with \(job.recordsDone) of \(records) records: \(job.error)")
        }
        let seconds = Double(job.completedUnixMs - job.startedUnixMs) / 1000
        return BenchResult(name: "job processing (\(records / 1000)k lines, 1 worker)", figures: [(key: "records_per_s", value: Double(records) / seconds)])
    }

    /// The `plugins` group's in-process analyzer measurement, as records/s.
    private func analyzerInProcess() throws -> BenchResult {
        let results = try PluginBenchmarks(pluginDirectory: pluginDirectory, duration: duration).run()
        guard let analyzer = results.first, let rate = analyzer.figures.first(where: { $0.key == "posts_per_s" })?.value else {
            throw BenchError("the plugins group measured no analyzer")
        }
        return BenchResult(name: "analyzer in process, 1 core", figures: [(key: "records_per_s", value: rate)])
    }

    private func finalState(of jobID: String, client: AuraClient) async throws -> Job {
        var last: Job?
        for try await job in try await client.watch(jobID) { last = job }
        guard let last else { throw BenchError("the watch of \(jobID) ended without a state") }
        return last
    }

    /// "1 GiB", "512 MiB".
    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }
}

/// A lines document made on the fly from the benchmark corpus, sent in chunks of at most
/// 1 MiB: a pattern of lines repeated until the document has its size.
struct LinesDocument: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    static let chunkSize = 1 << 20
    let pattern: ByteBuffer
    let bytes: Int

    /// A document of exactly `bytes` bytes: one chunk of lines sent again and again (the last
    /// one cut to size).
    init(bytes: Int) {
        pattern = Self.lines(filling: Swift.min(bytes, Self.chunkSize))
        self.bytes = bytes
    }

    /// A document of exactly `lines` lines (the corpus's posts in turn).
    init(lines: Int) {
        let text = (0..<lines).map { Corpus.posts[$0 % Corpus.posts.count] }.joined(separator: "\n") + "\n"
        pattern = ByteBuffer(bytes: Array(text.utf8))
        bytes = pattern.readableBytes
    }

    /// `size` bytes of corpus lines, the last line padded with spaces to end there.
    private static func lines(filling size: Int) -> ByteBuffer {
        var text: [UInt8] = []
        text.reserveCapacity(size)
        var index = 0
        while true {
            let line = Array(Corpus.posts[index % Corpus.posts.count].utf8) + [0x0A]
            guard text.count + line.count <= size else { break }
            text += line
            index += 1
        }
        if text.count < size { text += [UInt8](repeating: 0x20, count: size - text.count - 1) + [0x0A] }
        return ByteBuffer(bytes: text)
    }

    struct AsyncIterator: AsyncIteratorProtocol {
        let pattern: ByteBuffer
        var offset = 0
        var left: Int

        mutating func next() async throws -> ByteBuffer? {
            guard left > 0 else { return nil }
            let count = Swift.min(LinesDocument.chunkSize, pattern.readableBytes - offset, left)
            defer {
                left -= count
                offset = (offset + count) % pattern.readableBytes
            }
            if offset == 0 && count == pattern.readableBytes { return pattern }  // sent as is, no copy
            return ByteBuffer(bytes: pattern.readableBytesArray[offset..<offset + count])
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(pattern: pattern, left: bytes) }
}
