import AuraEventLoop
import Foundation

/// `Analyze` with the cache off at 64 in flight, with the analyzer in process and in a worker
/// process (`"isolation": "process"` in its NAME.json), on two fresh servers measured back to
/// back: process isolation must keep at least half the in-process throughput.
struct IsolationBenchmark {
    let serverBinary: String?
    let serverLoops: Int?
    let loop: EventLoop
    let duration: Duration

    func run() async throws -> [BenchResult] {
        let binaryDirectory = URL(fileURLWithPath: serverBinary ?? CommandLine.arguments[0]).deletingLastPathComponent()
        let plugins = FileManager.default.temporaryDirectory.appendingPathComponent("aura-bench-isolated-\(getpid())")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: plugins) }
        let analyzer = "libAuraPluginLexiconSentiment"
        try FileManager.default.copyItem(
            at: binaryDirectory.appendingPathComponent("\(analyzer).so"), to: plugins.appendingPathComponent("\(analyzer).so"))
        try Data(#"{"isolation": "process"}"#.utf8).write(to: plugins.appendingPathComponent("\(analyzer).json"))

        var results: [BenchResult] = []
        for (label, extra) in [("analyzer in process", [String]()), ("isolated analyzer", ["--plugins", plugins.path])] {
            let server = try ServerProcess(binary: serverBinary, loops: serverLoops, extraArguments: ["--cache-mb", "0"] + extra)
            defer { server.stop() }
            let run = server.benchmarks(loop: loop, duration: duration)
            let result = try await run.analyze(inFlight: 64, unique: true, label: "cache off, \(label)")
            results.append(result)
        }
        let rate = { (result: BenchResult) in result.figures.first { $0.key == "calls_per_s" }?.value ?? 0 }
        results.append(BenchResult(name: "Analyze process isolation / in process", figures: [
            (key: "ratio", value: rate(results[1]) / max(rate(results[0]), 1)),
        ]))
        return results
    }
}
