import AuraClient
import AuraMessages
import Synchronization

extension Benchmarks {
    /// What filling the server's result cache costs in resident memory: unique texts in
    /// batches of 25 from 16 callers, until `texts` have gone (or, with nil, until the cache
    /// has evicted as many entries as it holds). Returns the texts sent and the cache's stats.
    func fillResultCache(texts limit: Int?) async throws -> (texts: Int, stats: AnalyzerStats) {
        let client = AuraClient(address: address, configuration: clientConfiguration, loop: loop)
        defer { Task { await client.shutdown() } }
        let progress = FillProgress()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<16 {
                group.addTask(executorPreference: loop) {
                    var batch = 0
                    while !progress.done.load(ordering: .relaxed) {
                        batch += 1
                        let texts = (0..<25).map { "\(Corpus.posts[$0 % Corpus.posts.count]) #\(worker)-\(batch)-\($0)" }
                        _ = try await client.unary("aura.Sentiment/AnalyzeBatch", AnalyzeBatchRequest(texts: texts), as: AnalyzeBatchResponse.self)
                        let total = progress.sent.add(25, ordering: .relaxed).newValue
                        if let limit, total >= limit { progress.done.store(true, ordering: .relaxed) }
                    }
                }
            }
            if limit == nil {
                while !progress.done.load(ordering: .relaxed) {
                    try await Task.sleep(for: .milliseconds(100))
                    let stats = try await client.unary("aura.Sentiment/Stats", Empty(), as: AnalyzerStats.self)
                    let total = progress.sent.load(ordering: .relaxed)
                    if stats.cacheEntries > 0 && total >= 2 * Int(stats.cacheEntries) { progress.done.store(true, ordering: .relaxed) }
                }
            }
            try await group.waitForAll()
        }
        let stats = try await client.unary("aura.Sentiment/Stats", Empty(), as: AnalyzerStats.self)
        return (progress.sent.load(ordering: .relaxed), stats)
    }
}

/// Texts sent so far and whether to stop, shared by the fill's callers.
private final class FillProgress: Sendable {
    let sent = Atomic<Int>(0)
    let done = Atomic<Bool>(false)
}
