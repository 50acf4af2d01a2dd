import Foundation
import TestSupport
import Testing

/// The job log's faults as an operator meets them, with the real aura-server on a data
/// directory the test keeps across restarts: a flipped byte inside a segment, a torn tail, a
/// full disk, the size budget.
@Suite(.serialized, .timeLimit(.minutes(2)))
struct JobLogFaultTests {
    static let plugins = ServiceCommandTests.plugins
    /// 1 MiB segments, so that a few small jobs make several segment files.
    static let smallSegments = ["--job-segment-mb", "1"]

    @Test func aFlippedByteInsideTheLogStopsTheServerUntilRepaired() async throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var kept: [String: String] = [:]  // job id: SHA-256, of jobs whose records the damage misses
        do {
            let server = try await ServerProcess.start(plugins: Self.plugins, dataDirectory: data, arguments: Self.smallSegments)
            defer { server.stop() }
            let small = try JobDocuments.write(Data(JobDocuments.lines.utf8), to: "small.txt", in: data)
            let big = try JobDocuments.write(Data(JobDocuments.manyLines(15_000).utf8), to: "big.txt", in: data)
            kept[try await submitJob(small, ["--wait"], on: server)] = JobDocuments.linesSHA256
            // One 1 MiB chunk record: it fills a segment of its own (the largest file).
            _ = try await submitJob(big, ["--wait"], on: server)
            kept[try await submitJob(small, ["--wait"], on: server)] = JobDocuments.linesSHA256
            kept[try await submitJob(small, ["--wait"], on: server)] = JobDocuments.linesSHA256
        }
        let segments = try segmentFiles(in: data)
        let largest = try #require(segments.max { try fileSize($0) < fileSize($1) })
        try #require(largest != segments.last, "the damaged segment is not the last: \(segments)")
        var bytes = try Data(contentsOf: largest)
        let middle = bytes.count / 2
        bytes[middle] ^= 0x40
        try bytes.write(to: largest)
        let before = try segments.map { try Data(contentsOf: $0) }

        let refused = try await runProcess(try Binaries.path(of: "aura-server"), serverArguments(data, Self.smallSegments))
        #expect(refused.status != 0 && !refused.timedOut, "\(refused)")
        #expect(refused.stdout.isEmpty, "it never listened: \(refused)")
        #expect(refused.stderr.contains("cannot open the job log in \(data.path)/joblog: job log corrupt: "), "\(refused)")
        #expect(refused.stderr.contains("\(largest.lastPathComponent) at offset "), "names the segment and offset: \(refused)")
        #expect(try segments.map { try Data(contentsOf: $0) } == before, "nothing was overwritten")

        let repaired = try await ServerProcess.start(plugins: Self.plugins, dataDirectory: data, arguments: Self.smallSegments + ["--repair"])
        defer { repaired.stop() }
        // The damaged record is cut out and saved aside, and the log says so.
        #expect(await repaired.waitForError(containing: "repaired: \(largest.lastPathComponent): "), "\(repaired.errorOutput)")
        #expect(repaired.errorOutput.contains("(checksum mismatch)"), "\(repaired.errorOutput)")
        #expect(repaired.errorOutput.contains(", saved as \(largest.lastPathComponent)."), "\(repaired.errorOutput)")
        for (jobID, sha256) in kept {
            let job = try await jobJSON(jobID, on: repaired)
            #expect(job["state"] as? String == "COMPLETED", "\(job)")
            #expect(job["sha256"] as? String == sha256, "\(job)")
            let results = try await auraRPC(["results", jobID], on: repaired)
            #expect(results.lines.count == 3, "\(results)")
        }
    }

    @Test func aTornTailIsCutAndEveryAcknowledgedJobIsThere() async throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        var acknowledged: [String] = []
        do {
            let server = try await ServerProcess.start(plugins: Self.plugins, dataDirectory: data)
            defer { server.stop() }
            let path = try JobDocuments.write(Data(JobDocuments.lines.utf8), to: "reviews.txt", in: data)
            for _ in 0..<3 { acknowledged.append(try await submitJob(path, ["--wait"], on: server)) }
        }
        let last = try #require(try segmentFiles(in: data).last)
        let (start, length) = try #require(try lastRecord(in: last))
        let cut = start + 20 + length / 2
        let file = try FileHandle(forWritingTo: last)
        try file.truncate(atOffset: UInt64(cut))
        try file.close()

        let server = try await ServerProcess.start(plugins: Self.plugins, dataDirectory: data)
        defer { server.stop() }
        let segment = UInt64(last.deletingPathExtension().lastPathComponent) ?? 0
        #expect(await server.waitForError(containing: "torn tail truncated in segment \(segment) at offset \(start)"), "\(server.errorOutput)")
        for jobID in acknowledged {
            let watch = try await auraRPC(["watch", jobID], on: server)
            #expect(watch.lines.last?.hasPrefix("\(jobID)  COMPLETED  3/3 records") == true, "\(watch)")
            let job = try await jobJSON(jobID, on: server)
            #expect(job["sha256"] as? String == JobDocuments.linesSHA256, "\(job)")
            let results = try await auraRPC(["results", jobID, "--csv"], on: server)
            #expect(results.lines.count == 4, "three results, none twice: \(results)")
        }
    }

    /// The data directory on an 8 MiB tmpfs: Submits until the disk is full. The one that does
    /// not fit is RESOURCE_EXHAUSTED, never OK; after a restart every acknowledged job is
    /// intact; once old jobs are swept away, Submits succeed again.
    @Test(.enabled(if: SmallDisk.canMount, "needs root to mount a tmpfs"))
    func aFullDiskRefusesSubmitsAndLosesNothingAcknowledged() async throws {
        let disk = try SmallDisk(megabytes: 8)
        defer { disk.remove() }
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let analyzer = try fixtures.analyzer(version: "1.0.0")  // small: the plugin's copy fits
        let data = disk.path.appendingPathComponent("data")
        let document = try JobDocuments.write(Data(JobDocuments.manyLines(3_000).utf8), to: "reviews.txt", in: URL(fileURLWithPath: fixtures.directory))
        let sha256 = try await sha256sum(document)
        let arguments = Self.smallSegments + ["--job-workers", "1"]
        var acknowledged: [String] = []
        do {
            let server = try await ServerProcess.start(pluginFiles: [analyzer], dataDirectory: data, arguments: arguments)
            defer { server.stop() }
            var refusal: CommandResult?
            for _ in 0..<100 {
                let result = try await auraRPC(["submit", document, "--json"], on: server)
                guard result.status == 0 else {
                    refusal = result
                    break
                }
                let object = try jsonObject(result.stdout)
                #expect(object["sha256"] as? String == sha256, "\(result)")
                acknowledged.append(try #require(object["jobId"] as? String))
            }
            let refused = try #require(refusal, "8 MiB never filled up")
            #expect(refused.status == 8, "RESOURCE_EXHAUSTED: \(refused)")
            #expect(refused.stdout.isEmpty, "\(refused)")
            #expect(!acknowledged.isEmpty)
        }
        do {
            let server = try await ServerProcess.start(pluginFiles: [analyzer], dataDirectory: data, arguments: arguments)
            defer { server.stop() }
            for jobID in acknowledged {
                let job = try await jobJSON(jobID, on: server)
                #expect(job["sha256"] as? String == sha256 && job["recordsTotal"] as? String == "3000", "\(job)")
            }
        }
        let swept = try await ServerProcess.start(pluginFiles: [analyzer], dataDirectory: data, arguments: arguments + ["--job-retention", "0s"])
        defer { swept.stop() }
        #expect(await swept.waitForError(containing: "job log: removed "), "\(swept.errorOutput)")
        let again = try await auraRPC(["submit", document, "--json"], on: swept)
        #expect(again.status == 0, "\(again)")
    }

    /// A document larger than what the size budget leaves is refused before any byte is
    /// accepted.
    @Test func theSizeBudgetRefusesADocumentBeforeAcceptingIt() async throws {
        // The preallocated 1 MiB segments (the current one and the next) count against the
        // 4 MiB budget: a document of 4.3 MB cannot fit, one of 32 bytes can.
        let server = try await ServerProcess.start(plugins: Self.plugins, arguments: Self.smallSegments + ["--job-log-max-mb", "4"])
        defer { server.stop() }
        let small = try JobDocuments.write(JobDocuments.lines, to: "small.txt", in: server)
        let big = try JobDocuments.write(JobDocuments.manyLines(50_000), to: "big.txt", in: server)
        let refused = try await auraRPC(["submit", big], on: server)
        #expect(refused.status == 8, "RESOURCE_EXHAUSTED: \(refused)")
        #expect(refused.stderr.contains("does not fit"), "\(refused)")
        let jobs = try await auraRPC(["jobs"], on: server)
        #expect(jobs.stdout.isEmpty, "\(jobs)")
        let fits = try await auraRPC(["submit", small], on: server)
        #expect(fits.status == 0, "\(fits)")
        let fromStdin = try await auraRPC(["submit", "-"], on: server, stdin: JobDocuments.manyLines(50_000))
        #expect(fromStdin.status == 8, "a document of unknown size is refused once it passes the budget: \(fromStdin)")
        #expect(fromStdin.stderr.contains("the job log is full ("), "\(fromStdin)")
        #expect(fromStdin.stdout.isEmpty, "\(fromStdin)")
    }

    // MARK: Helpers

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("aura-joblog-faults-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func serverArguments(_ data: URL, _ extra: [String]) -> [String] {
        ["--addr", "127.0.0.1:0", "--data-dir", data.path, "--loops", "1"] + extra
    }

    /// The segment files, oldest first.
    func segmentFiles(in data: URL) throws -> [URL] {
        let folder = data.appendingPathComponent("joblog")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".seg") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    private func fileSize(_ url: URL) throws -> Int {
        try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
    }

    /// The offset and payload length of the last record in a segment file (AuraJobLog's SegmentFormat:
    /// a 40-byte segment header, then records of a 20-byte header, the payload length at
    /// bytes 4-7, and the payload; zeros after the last).
    private func lastRecord(in segment: URL) throws -> (offset: Int, length: Int)? {
        let bytes = [UInt8](try Data(contentsOf: segment))
        var offset = 40
        var last: (Int, Int)?
        while offset + 20 <= bytes.count, bytes[offset..<offset + 20].contains(where: { $0 != 0 }) {
            let length = Int(bytes[offset + 4]) | Int(bytes[offset + 5]) << 8 | Int(bytes[offset + 6]) << 16 | Int(bytes[offset + 7]) << 24
            last = (offset, length)
            offset += 20 + length
        }
        return last
    }
}

/// A tmpfs of a few MiB mounted for one test (root only), unmounted and removed by `remove()`.
struct SmallDisk {
    let path: URL

    /// Whether this process may mount a tmpfs: tried once.
    static let canMount: Bool = {
        guard let disk = try? SmallDisk(megabytes: 1) else { return false }
        disk.remove()
        return true
    }()

    init(megabytes: Int) throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("aura-small-disk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: path, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(megabytes)m", "tmpfs", path.path]) else {
            try? FileManager.default.removeItem(at: path)
            throw ServerProcess.StartFailure(description: "cannot mount a tmpfs at \(path.path)")
        }
    }

    func remove() {
        _ = Self.run("/bin/umount", [path.path])
        try? FileManager.default.removeItem(at: path)
    }

    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
