import Glibc
import LexiconSentimentCore

/// Throughput of the analyzer on one thread: posts per second over short social posts, and
/// megabytes per second over one long English text.
struct SpeedBenchmark {
    var minimumSeconds = 3.0

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func cpuNow() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Analyzes `posts` round-robin for at least `minimumSeconds`; returns posts per second.
    func posts(_ posts: [[UInt8]], analyzer: SentimentAnalyzer) -> (perSecond: Double, count: Int, seconds: Double, checksum: Double) {
        self.posts(posts) { analyzer.analyze($0) }
    }

    /// `posts` with any analysis.
    func posts(_ posts: [[UInt8]], analyze: (UnsafeRawBufferPointer) -> SentimentResult)
        -> (perSecond: Double, count: Int, seconds: Double, checksum: Double) {
        var checksum = 0.0
        for post in posts { post.withUnsafeBytes { checksum += analyze($0).compound } }  // warm up
        var count = 0
        let start = SpeedBenchmark.now()
        var elapsed = 0.0
        repeat {
            for post in posts {
                post.withUnsafeBytes { checksum += analyze($0).compound }
            }
            count += posts.count
            elapsed = SpeedBenchmark.now() - start
        } while elapsed < minimumSeconds
        return (Double(count) / elapsed, count, elapsed, checksum)
    }

    /// Analyzes `text` repeatedly for at least `minimumSeconds`; returns bytes per second.
    func bytes(_ text: [UInt8], analyzer: SentimentAnalyzer) -> (perSecond: Double, runs: Int, seconds: Double, checksum: Double) {
        var checksum = 0.0
        var runs = 0
        let start = SpeedBenchmark.now()
        var elapsed = 0.0
        repeat {
            text.withUnsafeBytes { checksum += analyzer.analyze($0).compound }
            runs += 1
            elapsed = SpeedBenchmark.now() - start
        } while elapsed < minimumSeconds
        return (Double(text.count * runs) / elapsed, runs, elapsed, checksum)
    }
}
