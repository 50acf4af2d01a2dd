import AuraCommandLine
import AuraEventLoop
import Foundation

let usage = """
    aura-bench: measures AuraRPC throughput, latency and server memory.

    usage: aura-bench [--addr HOST:PORT] [--server-binary PATH] [--server-loops N]
                      [--duration D] [--only unary|peer-shapes|accesslog|metrics|tracing|dashboard|auth|tls|bidi|stream|memory|sentiment|plugins|wire|codec|joblog|documents|jobs]
                      [--dir PATH] [--joblog-mib N] [--jobs-ingest-mb N] [--api-key KEY]
                      [--call-log PATH] [--json]
           aura-bench crash [--kills N] [--clients N] [--server-binary PATH] [--json]
           aura-bench abuse [--scale N] [--only NAME] [--server-binary PATH]

      --addr HOST:PORT      an already running server; by default aura-bench starts the
                            aura-server next to it on 127.0.0.1 with an ephemeral port
      --api-key KEY         the API key for --addr (a server aura-bench starts gives its
                            admin key); auth compares fresh servers with --auth off and on
      --server-binary PATH  the aura-server to start
      --server-loops N      event loops of the started server (default: one per core)
      --duration D          how long each measurement runs (default 3s)
      --only NAME           run one group of measurements (plugins, wire, codec, joblog and
                            documents run in process; jobs starts a server of its own;
                            peer-shapes, the gRPC C++ comparison's shapes, runs only when named)
      --dir PATH            the folder joblog measures in (default /tmp/aura-bench-joblog;
                            what it writes there is removed afterwards)
      --joblog-mib N        MiB written, appended and recovered by joblog (default 1024)
      --jobs-ingest-mb N    the size of the jobs group's ingest document and disk write, in
                            MiB (default 1024)
      --call-log PATH       write every call of the unary rows to PATH (row, start on
                            CLOCK_MONOTONIC, latency; benchmarks/stalls.py reads it)
      --json                print the results as JSON instead of a table

    crash                 SIGKILLs servers it starts during job ingest, processing and
                          compaction and checks every acknowledged job (aura-bench crash --help)
    abuse                 hostile peers against the server while a client keeps calling: RSS
                          and the client's latency per scenario (aura-bench abuse --help)

    Build with -c release for meaningful figures.
    """

if CommandLine.arguments.dropFirst().first == "crash" {
    exit(await CrashCommand.run(Array(CommandLine.arguments.dropFirst(2))))
}
if CommandLine.arguments.dropFirst().first == "abuse" {
    exit(await AbuseCommand.run(Array(CommandLine.arguments.dropFirst(2))))
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("aura-bench: \(message)\n".utf8))
    exit(1)
}

let arguments: ParsedArguments
do {
    arguments = try ParsedArguments(
        Array(CommandLine.arguments.dropFirst()),
        valueOptions: ["addr", "server-binary", "server-loops", "duration", "only", "dir", "joblog-mib", "jobs-ingest-mb", "api-key", "call-log"],
        flagOptions: ["json", "help"])
} catch {
    fail("\(error)\n\n\(usage)")
}
if arguments.flags.contains("help") {
    print(usage)
    exit(0)
}

let duration: Duration
let serverLoops: Int?
let joblogMebibytes: Int
let jobsIngestMegabytes: Int
do {
    duration = try arguments.duration("duration") ?? .seconds(3)
    joblogMebibytes = try arguments.integer("joblog-mib", default: 1024, range: 4...65536)
    jobsIngestMegabytes = try arguments.integer("jobs-ingest-mb", default: 1024, range: 1...1 << 20)
    serverLoops = arguments.options["server-loops"] == nil ? nil : try arguments.integer("server-loops", default: 1, range: 1...64)
} catch {
    fail("\(error)")
}
let only = arguments.options["only"]
let groups = ["unary", "peer-shapes", "accesslog", "metrics", "tracing", "dashboard", "auth", "tls", "bidi", "stream", "memory", "sentiment", "plugins", "wire", "codec", "joblog", "documents", "jobs"]
if let only, !groups.contains(only) { fail("--only takes one of \(groups.joined(separator: ", "))") }
@MainActor func wanted(_ group: String) -> Bool { only == nil || only == group }

let server: ServerProcess?
let address: String
if let given = arguments.options["addr"] {
    server = nil
    address = given
} else if let only, ["plugins", "wire", "codec", "joblog", "documents", "jobs", "peer-shapes"].contains(only) {  // in process, or a server of their own
    server = nil
    address = ""
} else {
    do {
        server = try ServerProcess(binary: arguments.options["server-binary"], loops: serverLoops)
    } catch {
        fail("\(error)")
    }
    address = "127.0.0.1:\(server!.port)"
}

let group = EventLoopGroup(loopCount: 1)
var benchmarks = server?.benchmarks(loop: group.loops[0], duration: duration) ?? Benchmarks(address: address, loop: group.loops[0], duration: duration)
if let key = arguments.options["api-key"] { benchmarks.clientConfiguration.apiKey = key }
if let path = arguments.options["call-log"] {
    do {
        benchmarks.callLog = try CallLog(path: path)
    } catch {
        fail("\(error)")
    }
}
var results: [BenchResult] = []

@MainActor func report(_ result: BenchResult) {
    results.append(result)
    guard !arguments.flags.contains("json") else { return }
    let figures = result.figures.map { "\($0.key)=\(String(format: "%.1f", $0.value))" }.joined(separator: "  ")
    print(result.name.padding(toLength: 44, withPad: " ", startingAt: 0) + figures)
}

do {
    if wanted("unary") {
        for connections in [1, 4] {
            for inFlight in [1, 16, 64, 256] {
                report(try await benchmarks.unary(inFlight: inFlight, connections: connections))
            }
        }
    }
    if only == "peer-shapes" {
        try await PeerShapesBenchmark(serverBinary: arguments.options["server-binary"], serverLoops: serverLoops, loop: group.loops[0], duration: duration)
            .run(report: report)
    }
    /// Unary at 64 in flight on fresh servers, one per variant (a label and its server
    /// flags), back to back, each row named with `feature` and the label.
    func unaryOnFreshServers(_ feature: String, _ variants: [(label: String, flags: [String])]) async throws {
        for variant in variants {
            let server = try ServerProcess(binary: arguments.options["server-binary"], loops: serverLoops, extraArguments: variant.flags)
            let result = try await server.benchmarks(loop: group.loops[0], duration: duration).unary(inFlight: 64, connections: 1)
            report(BenchResult(name: result.name + " \(feature) \(variant.label)", figures: result.figures))
            server.stop()
        }
    }
    if wanted("accesslog"), arguments.options["addr"] == nil {
        // The access log off and on (every line formatted, written to /dev/null): under 10%.
        try await unaryOnFreshServers("access log", [("off", []), ("on", ["--access-log", "/dev/null"])])
    }
    if wanted("metrics"), arguments.options["addr"] == nil {
        // Per-call metrics off and on (the default).
        try await unaryOnFreshServers("metrics", [("off", ["--no-call-metrics"]), ("on", [])])
    }
    if wanted("tracing"), arguments.options["addr"] == nil {
        // Spans not written (every call still gets its span id and trailer) against written at
        // the default 10% and at 100%, alternated twice (docs/TRACING.md).
        let spanFile = "/tmp/aura-bench-spans-\(getpid()).jsonl"
        defer { for suffix in ["", ".1"] { unlink(spanFile + suffix) } }
        let written = ["--trace-file", spanFile, "--trace-sample-rate"]
        try await unaryOnFreshServers("tracing", [
            ("off", []), ("on 10%", written + ["0.1"]), ("off", []), ("on 10%", written + ["0.1"]), ("on 100%", written + ["1"]),
        ])
    }
    if wanted("dashboard"), arguments.options["addr"] == nil {
        // The dashboard's sampler (a registry collection a second) off and on, alternated twice.
        let off = ["--metrics-addr", "127.0.0.1:0", "--no-dashboard"], on = ["--metrics-addr", "127.0.0.1:0"]
        try await unaryOnFreshServers("dashboard", [("off", off), ("on", on), ("off", off), ("on", on)])
    }
    if wanted("auth"), arguments.options["addr"] == nil {
        // Fresh servers, API keys off and on (every call's key parsed, hashed, compared, its
        // scope checked), alternated twice back to back: auth must cost under 10%.
        for (label, extra) in [("off", ["--auth", "off"]), ("on", []), ("off", ["--auth", "off"]), ("on", [])] {
            let checked = try ServerProcess(binary: arguments.options["server-binary"], loops: serverLoops, extraArguments: extra)
            let run = checked.benchmarks(loop: group.loops[0], duration: duration)
            for inFlight in [64, 1] {
                let result = try await run.unary(inFlight: inFlight, connections: 1)
                report(BenchResult(name: result.name + " auth \(label)", figures: result.figures))
            }
            checked.stop()
        }
    }
    if wanted("tls"), arguments.options["addr"] == nil {
        // Two fresh servers, plaintext and TLS, measured back to back (docs/TLS.md).
        try await TLSBenchmark(serverBinary: arguments.options["server-binary"], serverLoops: serverLoops, loop: group.loops[0], duration: duration)
            .run(report: report)
    }
    if wanted("bidi") { report(try await benchmarks.bidirectional()) }
    if wanted("stream") { report(try await benchmarks.clientStreaming(messageSize: 64 * 1024)) }
    if wanted("sentiment") {
        report(try await benchmarks.analyze(inFlight: 64, unique: false, label: "cache on (16 texts)"))
        report(try await benchmarks.analyze(inFlight: 1, unique: false, label: "cache on (16 texts)"))
        report(try await benchmarks.analyzeStream())
        if arguments.options["addr"] == nil {
            let uncached = try ServerProcess(binary: arguments.options["server-binary"], loops: serverLoops, extraArguments: ["--cache-mb", "0"])
            let cacheOff = uncached.benchmarks(loop: group.loops[0], duration: duration)
            report(try await cacheOff.analyze(inFlight: 64, unique: true, label: "cache off"))
            report(try await cacheOff.analyze(inFlight: 1, unique: true, label: "cache off"))
            uncached.stop()
            let isolation = IsolationBenchmark(
                serverBinary: arguments.options["server-binary"], serverLoops: serverLoops, loop: group.loops[0], duration: duration)
            for result in try await isolation.run() { report(result) }
        }
    }
    if wanted("plugins") {
        let directory = URL(fileURLWithPath: arguments.options["server-binary"] ?? CommandLine.arguments[0]).deletingLastPathComponent().path
        for result in try PluginBenchmarks(pluginDirectory: directory, duration: duration).run() { report(result) }
    }
    if wanted("wire") {
        report(AssemblyBenchmark(messageSize: 8 << 20, fragmentSize: 16 << 10, duration: duration).run())
    }
    if wanted("codec") {
        for result in try CodecBenchmarks(duration: duration).run() { report(result) }
    }
    if wanted("joblog") {
        let benchmark = JobLogBenchmarks(directory: arguments.options["dir"] ?? "/tmp/aura-bench-joblog", mebibytes: joblogMebibytes, duration: duration)
        for result in try await benchmark.run() { report(result) }
    }
    if wanted("documents") {
        for result in try DocumentBenchmarks(duration: duration).run() { report(result) }
    }
    if wanted("jobs"), arguments.options["addr"] == nil {
        let directory = URL(fileURLWithPath: arguments.options["server-binary"] ?? CommandLine.arguments[0]).deletingLastPathComponent().path
        try await JobsBenchmarks(
            serverBinary: arguments.options["server-binary"], serverLoops: serverLoops, pluginDirectory: directory,
            ingestMegabytes: jobsIngestMegabytes, loop: group.loops[0], duration: duration
        ).run(report: report)
    }
    if server != nil, wanted("memory") {
        // A fresh server, so that buffers kept from the throughput runs do not count.
        for count in [1000, 10_000] {
            let fresh = try ServerProcess(
                binary: arguments.options["server-binary"], loops: serverLoops, extraArguments: ServerProcess.idleConnectionArguments(count))
            if count == 1000 { report(BenchResult(name: "server RSS idle", figures: [(key: "MB", value: Double(fresh.residentBytes) / 1e6)])) }
            let idle = fresh.benchmarks(loop: group.loops[0], duration: duration)
            let rss = try await idle.withIdleConnections(count) { fresh.residentBytes }
            report(BenchResult(name: "server RSS with \(count) idle conns", figures: [(key: "MB", value: Double(rss) / 1e6)]))
            fresh.stop()
        }
        // The result cache's bound against real memory: a full 64 MiB cache, then the same
        // texts through a server without a cache (what the calls themselves leave behind).
        var texts: Int?
        for megabytes in [64, 0] {
            let cached = try ServerProcess(binary: arguments.options["server-binary"], loops: serverLoops, extraArguments: ["--cache-mb", "\(megabytes)"])
            let run = cached.benchmarks(loop: group.loops[0], duration: duration)
            _ = try await run.fillResultCache(texts: 25)  // warm up
            let before = cached.residentBytes
            let (sent, stats) = try await run.fillResultCache(texts: texts)
            texts = sent
            report(BenchResult(name: "server RSS growth, --cache-mb \(megabytes) filled", figures: [
                (key: "MB", value: Double(cached.residentBytes - before) / 1e6), (key: "texts_k", value: Double(sent) / 1e3),
                (key: "entries_k", value: Double(stats.cacheEntries) / 1e3), (key: "counted_MB", value: Double(stats.cacheBytes) / 1e6),
            ]))
            cached.stop()
        }
    }
} catch {
    server?.stop()
    fail("\(error)")
}
server?.stop()

if arguments.flags.contains("json") {
    let objects = results.map { result -> [String: Any] in
        var object: [String: Any] = ["name": result.name]
        for figure in result.figures { object[figure.key] = (figure.value * 10).rounded() / 10 }
        return object
    }
    let data = try JSONSerialization.data(withJSONObject: ["duration_s": duration.seconds, "results": objects], options: [.prettyPrinted, .sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
