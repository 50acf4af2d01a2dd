import AuraBytes
import AuraClient
import AuraJobs
import AuraMessages
import AuraPluginHost
import AuraSentiment
import AuraServer
import Foundation
import TestSupport

/// A server on 127.0.0.1 (ephemeral port) serving aura.Jobs over a job log in a temporary
/// folder, with the fixture analyzer (POSITIVE for any text, INTERNAL for texts starting with
/// "boom"); `run` stops everything and removes the folder whatever the test does.
struct JobsServer {
    let manager: JobManager
    let client: AuraClient
    let directory: String

    static func run<T>(
        directory: String? = nil, start: Bool = true, configure: (inout JobsConfiguration) -> Void = { _ in },
        _ body: (JobsServer) async throws -> T
    ) async throws -> T {
        let fixtures = try PluginFixtures()
        defer { fixtures.remove() }
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"))
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        try registry.load(path: fixtures.redactor())
        let engine = SentimentEngine(
            plugins: registry, cache: ResultCache(maxBytes: 0), deadLetters: DeadLetterQueue(),
            redaction: Redaction(hashKey: Array(repeating: 3, count: 32)))
        let folder = directory ?? NSTemporaryDirectory() + "aura-jobs-\(UUID().uuidString.prefix(8))"
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        var jobsConfiguration = JobsConfiguration(logDirectory: folder + "/joblog")
        jobsConfiguration.workers = 2
        jobsConfiguration.retryBackoff = .milliseconds(1)
        configure(&jobsConfiguration)
        let manager = try JobManager(configuration: jobsConfiguration, engine: engine)
        if start { manager.start() }
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 2
        let server = Server(configuration: configuration, services: [
            JobService(manager: manager),
            DeadLetterService(queue: engine.deadLetters, durableLetters: { manager.failedJobLetters(limit: $0) }),
        ])
        do {
            let result = try await withRunningServer(server) { client in
                try await body(JobsServer(manager: manager, client: client, directory: folder))
            }
            await manager.stop()
            return result
        } catch {
            await manager.stop()
            throw error
        }
    }

    /// The job once it has ended (watching it).
    func finished(_ jobID: String) async throws -> Job {
        var last: Job?
        for try await job in try await client.watch(jobID) { last = job }
        return last!
    }

    /// Every result of a job.
    func results(_ jobID: String, from: UInt64 = 0) async throws -> [RecordResult] {
        var all: [RecordResult] = []
        for try await result in try await client.results(jobID, from: from) { all.append(result) }
        return all
    }
}

/// A document as chunks of `size` bytes.
func chunks(_ text: String, size: Int) -> [ByteBuffer] {
    let bytes = Array(text.utf8)
    return stride(from: 0, to: bytes.count, by: size).map { ByteBuffer(bytes: bytes[$0..<min($0 + size, bytes.count)]) }
}

/// An async sequence over an array (a document's chunks).
struct Chunks: AsyncSequence, Sendable {
    typealias Element = ByteBuffer
    let items: [ByteBuffer]
    struct AsyncIterator: AsyncIteratorProtocol {
        var rest: ArraySlice<ByteBuffer>
        mutating func next() async -> ByteBuffer? { rest.popFirst() }
    }
    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(rest: items[...]) }
}
