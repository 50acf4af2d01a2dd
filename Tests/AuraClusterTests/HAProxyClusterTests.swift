import AuraBytes
import AuraClient
import AuraCore
import AuraJobs
import AuraMessages
import Foundation
import TestSupport
import Testing

/// The proof of docs/SCALING.md on this machine: three real servers behind a real HAProxy.
@Suite(.serialized) struct HAProxyClusterTests {
    static let recordsPerJob = 3_000

    @Test func threeServersBehindHAProxy() async throws {
        let cluster = try ClusterHarness()
        do {
            try await withTimeout(.seconds(240), "the cluster scenario") { try await Self.scenario(cluster) }
        } catch {
            Issue.record("HAProxy's log: \(cluster.proxyLog)")
            await cluster.stop()
            throw error
        }
        await cluster.stop()
    }

    static func scenario(_ cluster: ClusterHarness) async throws {
        try await cluster.start()
        // Six connections through HAProxy, which balances connections round robin: two per server.
        var configuration = cluster.clientConfiguration
        configuration.connectionsPerAddress = 6
        let client = AuraClient(address: cluster.proxyAddress, configuration: configuration)
        do {
            try await throughProxy(cluster, client)
        } catch {
            await client.shutdown()
            throw error
        }
        await client.shutdown()
    }

    /// The steps of the proof, all through HAProxy.
    static func throughProxy(_ cluster: ClusterHarness, _ client: AuraClient) async throws {
        // Sync calls spread over all three.
        let before = try await analyzeCalls(cluster)
        for index in 0..<60 {
            _ = try await client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: "call \(index) is great"), as: SentimentResult.self)
        }
        let after = try await analyzeCalls(cluster)
        for node in cluster.nodes { #expect(after[node]! - before[node]! >= 10, "\(node) served \(after[node]! - before[node]!) of 60 calls") }

        // Jobs submitted through HAProxy land on every server, and Get through HAProxy finds each.
        var jobs: [(id: String, node: String)] = []
        for index in 0..<6 {
            let response = try await client.submit(JobSpec(name: "job \(index)", format: .lines), document: document(index))
            jobs.append((response.jobId, String(JobID.node(of: response.jobId) ?? "")))
        }
        #expect(Set(jobs.map(\.node)) == Set(cluster.nodes), "\(jobs)")
        for job in jobs { #expect(try await client.job(job.id).jobId == job.id) }

        // One server killed: its jobs answer UNAVAILABLE naming it, the others keep working.
        await cluster.kill("n2")
        for job in jobs where job.node == "n2" {
            let error = try await unavailableNamingOwner(client, job.id, owner: "n2")
            #expect(error.message.contains("n2"), "\(error)")
        }
        for job in jobs where job.node != "n2" { try await expectComplete(client, job.id) }
        _ = try await client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: "still fine"), as: SentimentResult.self)

        // Restarted on its data directory: its jobs complete and every result is there.
        try await cluster.startServer("n2")
        for job in jobs where job.node == "n2" { try await expectComplete(client, job.id) }
    }

    /// A document of `recordsPerJob` lines.
    static func document(_ job: Int) -> AsyncStream<ByteBuffer> {
        let text = (0..<recordsPerJob).map { "job \(job) line \($0): what a lovely, terrible day" }.joined(separator: "\n") + "\n"
        return AsyncStream { continuation in
            continuation.yield(ByteBuffer(bytes: Array(text.utf8)))
            continuation.finish()
        }
    }

    /// How many `aura.Sentiment/Analyze` calls each server has served, asked of each directly.
    static func analyzeCalls(_ cluster: ClusterHarness) async throws -> [String: UInt64] {
        var counts: [String: UInt64] = [:]
        for node in cluster.nodes {
            let direct = AuraClient(address: cluster.address(node), configuration: cluster.clientConfiguration)
            let stats = try await direct.unary("aura.Admin/Stats", Empty(), as: ServerStats.self)
            await direct.shutdown()
            counts[node] = stats.methods.first { $0.method == "aura.Sentiment/Analyze" }?.calls ?? 0
        }
        return counts
    }

    /// Watches job `id` through `client` until it ends, expects it COMPLETED, then reads every
    /// result: one per record, each index once.
    static func expectComplete(_ client: AuraClient, _ id: String) async throws {
        var last: Job?
        for try await update in try await client.watch(id) { last = update }
        #expect(last?.state == .completed, "\(id): \(String(describing: last))")
        var indices = Set<UInt64>()
        for try await result in try await client.results(id) { indices.insert(result.index) }
        #expect(indices == Set(0..<UInt64(recordsPerJob)), "\(id): \(indices.count) results")
    }

    /// The error of `Get(id)` through `client` once it comes from a live server naming `owner`:
    /// a call on a connection that went down with the killed server fails for that reason
    /// first, and the next one goes to another server (a bounded number of tries).
    static func unavailableNamingOwner(_ client: AuraClient, _ id: String, owner: String) async throws -> RPCError {
        var seen: [String] = []
        for _ in 0..<10 {
            do {
                let job = try await client.job(id)
                Issue.record("Get \(id) answered \(job) while its server is down")
            } catch let error as RPCError where error.code == .unavailable {
                if error.metadata["aura-job-owner"] == owner { return error }
                seen.append(error.message)
            }
        }
        throw RPCError(.internal, "no answer naming \(owner) for \(id): \(seen)")
    }
}
