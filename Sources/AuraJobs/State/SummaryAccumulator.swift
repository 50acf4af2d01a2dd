import AuraMessages

/// Counts and sums over a job's results, for `aura.JobSummary`.
struct SummaryAccumulator: Equatable, Sendable {
    private var counts = [UInt64](repeating: 0, count: 4)  // positive, negative, neutral, mixed
    private var scoreSums = SentimentScores()
    private var compoundSum = 0.0
    private var analysed: UInt64 = 0
    private var languages: [String: UInt64] = [:]

    /// Adds one analysed record.
    mutating func add(_ result: SentimentResult) {
        switch result.sentiment {
        case .positive: counts[0] += 1
        case .negative: counts[1] += 1
        case .neutral: counts[2] += 1
        case .mixed: counts[3] += 1
        case .sentimentUnspecified, .unrecognized: break
        }
        scoreSums.positive += result.scores.positive
        scoreSums.negative += result.scores.negative
        scoreSums.neutral += result.scores.neutral
        scoreSums.mixed += result.scores.mixed
        compoundSum += result.compound
        analysed += 1
        if !result.language.isEmpty { languages[result.language, default: 0] += 1 }
    }

    /// The summary so far.
    var summary: JobSummary {
        let n = Double(max(analysed, 1))
        return JobSummary(
            positive: counts[0], negative: counts[1], neutral: counts[2], mixed: counts[3],
            meanScores: SentimentScores(
                positive: scoreSums.positive / n, negative: scoreSums.negative / n,
                neutral: scoreSums.neutral / n, mixed: scoreSums.mixed / n),
            meanCompound: compoundSum / n, languages: languages)
    }
}
