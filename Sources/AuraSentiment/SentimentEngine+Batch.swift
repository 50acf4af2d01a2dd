import AuraCrypto
import AuraMessages
import AuraPluginHost
import AuraWire

extension SentimentEngine {
    /// Analyzes each of `texts` as `analyze` would, in one trip to each plugin's workers (a
    /// job's batch of records, a sync batch); each text succeeds or fails alone, and a failed
    /// trip (queue full, caller gone) fails every text it carried. `usesCache` as in `analyze`:
    /// a job's records leave the cache alone; a sync batch reads and fills it.
    public func analyzeEach(
        _ texts: [String], options: AnalyzeOptions, method: String, usesCache: Bool = false
    ) async -> [Result<SentimentResult, RPCError>] {
        var outcomes = [Result<SentimentResult, RPCError>?](repeating: nil, count: texts.count)
        var results = [SentimentResult](repeating: SentimentResult(), count: texts.count)
        var analyzed = texts
        do throws(RPCError) {
            let analyzer = try plugins.plugin(.analyzer, id: options.analyzer)
            let redactor = options.redactPii ? try plugins.plugin(.redactor, id: options.redactor) : nil
            var keys = [SHA256Digest?](repeating: nil, count: texts.count)
            for index in texts.indices {
                do throws(RPCError) { try TextInput.validate(texts[index]) } catch { outcomes[index] = .failure(error) }
                guard usesCache, outcomes[index] == nil else { continue }
                keys[index] = cacheKey(texts[index], analyzer: analyzer, redactor: redactor, options: options)
                if let hit = cachedResult(keys[index], analyzer: analyzer, redactor: redactor) {
                    sentiments.record(hit.sentiment)
                    outcomes[index] = .success(hit)
                }
            }
            if let redactor {
                let pending = texts.indices.filter { outcomes[$0] == nil }
                let found = try await redactor.entities(inEach: pending.map { texts[$0] })
                for (index, entities) in zip(pending, found) {
                    do throws(RPCError) {
                        let entities = try entities.mapError { recordFailure($0, method: method, text: texts[index]) }.get()
                        results[index].redactor = redactor.info.id
                        results[index].redactions = entities.map(PiiEntity.init)
                        if !entities.isEmpty { analyzed[index] = try redaction.apply(to: texts[index], entities: entities, mode: .replaceWithType) }
                    } catch {
                        outcomes[index] = .failure(error)
                    }
                }
            }
            let pending = texts.indices.filter { outcomes[$0] == nil }
            let analyses = try await analyzer.analyses(of: pending.map { analyzed[$0] }, languageHint: options.languageHint)
            for (index, analysis) in zip(pending, analyses) {
                outcomes[index] = analysis.mapError { recordFailure($0, method: method, text: texts[index]) }.map { analysis in
                    results[index].fill(from: analysis)
                    store(results[index], under: keys[index])
                    results[index].analyzer = analyzer.info.id
                    sentiments.record(results[index].sentiment)
                    return results[index]
                }
            }
        } catch {
            for index in texts.indices where outcomes[index] == nil { outcomes[index] = .failure(error) }
        }
        return outcomes.map { $0 ?? .failure(RPCError(.internal, "no outcome")) }
    }
}
