import AuraClient
import AuraEventLoop
import AuraMessages
import AuraPluginHost
import AuraSentiment
import AuraWire
import Foundation

/// Sample texts: short English social posts and reviews, some with personal data.
enum Corpus {
    static let posts = [
        "Just tried the new ramen place downtown and wow, the broth was AMAZING!!! 🍜",
        "Worst customer service ever. Waited 45 minutes and nobody even said sorry.",
        "The update is fine I guess, nothing special but it works.",
        "Heading to the airport now, flight at 6.",
        "I don't hate it, but I wouldn't buy it again either.",
        "Absolutely love this phone, battery lasts two days :)",
        "The movie was not bad at all, actually pretty funny.",
        "Call me at 415-555-0123 or mail jane.doe@example.com about the refund",
        "Terrible, terrible product. Broke after a week 😡",
        "Meh. The hotel was okay but the breakfast was cold.",
        "Great team, great results, thanks everyone for the hard work!",
        "The meeting has been moved to Thursday at 3pm.",
        "My card 4111 1111 1111 1111 was charged twice, this is not okay",
        "Kind of disappointed with the ending but the acting was superb.",
        "lol this is the best thing I've seen all week 😂",
        "Service was slow and the food was bland. Not coming back.",
    ]

    /// About `bytes` bytes of English text, for MB/s figures.
    static func text(bytes: Int) -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while out.count < bytes {
            out.append(contentsOf: posts[index % posts.count].utf8)
            out.append(0x20)
            index += 1
        }
        return out
    }
}

extension Benchmarks {
    /// Analyze calls with `inFlight` outstanding on one connection; texts cycle through the
    /// corpus with a counter appended when `unique` (so a cache cannot answer).
    func analyze(inFlight: Int, unique: Bool, label: String) async throws -> BenchResult {
        let client = AuraClient(address: address, configuration: clientConfiguration, loop: loop)
        defer { Task { await client.shutdown() } }
        _ = try await client.unary("aura.Sentiment/Analyze", AnalyzeRequest(text: "warm up"), as: SentimentResult.self)
        let run = try await measureCalls(inFlight: inFlight, clients: [client]) { client, worker, index in
            let text = Corpus.posts[(worker + index) % Corpus.posts.count]
            let request = AnalyzeRequest(text: unique ? "\(text) #\(worker)-\(index)" : text)
            _ = try await client.unary("aura.Sentiment/Analyze", request, as: SentimentResult.self)
        }
        return BenchResult(name: "Analyze \(label) inflight=\(inFlight)", figures: run.figures)
    }

    /// AnalyzeStream: one session, texts sent as fast as flow control allows, unique texts.
    func analyzeStream() async throws -> BenchResult {
        let client = AuraClient(address: address, configuration: clientConfiguration, loop: loop)
        defer { Task { await client.shutdown() } }
        let call: RPCCall<AnalyzeRequest, ItemResult> = try await client.makeCall("aura.Sentiment/AnalyzeStream")
        let clock = ContinuousClock()
        let start = clock.now
        let end = start + duration
        let sender = Task(executorPreference: loop) {
            var counter = 0
            while clock.now < end {
                counter += 1
                try await call.send(AnalyzeRequest(text: "\(Corpus.posts[counter % Corpus.posts.count]) #\(counter)"))
            }
            await call.closeSend()
        }
        var received = 0
        for try await item in call.responses where item.error.code == 0 { received += 1 }
        try await sender.value
        return BenchResult(name: "AnalyzeStream", figures: [(key: "texts_per_s", value: Double(received) / (clock.now - start).seconds)])
    }
}

/// In-process plugin throughput on one core: the analyzer and the redactor on ~1 MB of text
/// cut into posts, and on short posts one by one.
struct PluginBenchmarks {
    let pluginDirectory: String
    let duration: Duration

    func run() throws -> [BenchResult] {
        let loader = PluginLoader(runDirectory: NSTemporaryDirectory() + "aura-bench-plugins-\(getpid())")
        let analyzer = try loader.load(path: pluginDirectory + "/libAuraPluginLexiconSentiment.so")
        let redactor = try loader.load(path: pluginDirectory + "/libAuraPluginPatternRedactor.so")
        let posts = Corpus.posts.map { Array($0.utf8) }
        let postBytes = posts.reduce(0) { $0 + $1.count }
        var results: [BenchResult] = []
        for (plugin, name) in [(analyzer, "analyzer"), (redactor, "redactor")] {
            let clock = ContinuousClock()
            let start = clock.now
            var rounds = 0
            while clock.now - start < duration {
                for post in posts {
                    try post.withUnsafeBytes { bytes in
                        if name == "analyzer" { _ = try plugin.analyze(bytes, languageHint: "") } else { _ = try plugin.detect(bytes) }
                    }
                }
                rounds += 1
            }
            let seconds = (clock.now - start).seconds
            results.append(BenchResult(name: "\(plugin.info.id) in process, 1 core", figures: [
                (key: "posts_per_s", value: Double(rounds * posts.count) / seconds),
                (key: "MB_per_s", value: Double(rounds * postBytes) / seconds / 1e6),
            ]))
        }
        return results
    }
}
