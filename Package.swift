// swift-tools-version:6.2
import PackageDescription

let package = Package(
    name: "AuraStream",
    products: [
        .executable(name: "aura-server", targets: ["aura-server"]),
        .executable(name: "aura-rpc", targets: ["aura-rpc"]),
        .executable(name: "aura-bench", targets: ["aura-bench"]),
        .executable(name: "aura-plugin-worker", targets: ["aura-plugin-worker"]),
        .library(name: "AuraClient", targets: ["AuraClient"]),
        // Plugins: loaded by the server with dlopen, never linked into it.
        .library(name: "AuraPluginLexiconSentiment", type: .dynamic, targets: ["AuraPluginLexiconSentiment"]),
        .library(name: "AuraPluginPatternRedactor", type: .dynamic, targets: ["AuraPluginPatternRedactor"]),
        .library(name: "AuraPluginKeywordRedactor", type: .dynamic, targets: ["AuraPluginKeywordRedactor"]),
        .library(name: "AuraPluginLearnedSentiment", type: .dynamic, targets: ["AuraPluginLearnedSentiment"]),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        .systemLibrary(name: "CSSL", path: "Sources/CSSL"),
        .target(name: "CAuraPlugin"),

        // Protocol core: bytes, the protobuf codec, status and metadata, frames and state
        // machines, the messages generated from aura.proto. No sockets.
        .target(name: "AuraBytes"),
        .target(name: "AuraProto", dependencies: ["AuraBytes"]),
        .target(name: "AuraCore", dependencies: ["AuraBytes"]),
        .target(name: "AuraWire", dependencies: ["AuraBytes", "AuraProto", "AuraCore", "CZlib"]),
        .target(name: "AuraMessages", dependencies: ["AuraBytes", "AuraProto"]),
        .target(name: "AuraSchema", dependencies: ["AuraProto"]),
        .target(name: "AuraCodegen", dependencies: ["AuraSchema"]),
        .executableTarget(name: "aura-protoc", dependencies: ["AuraCodegen", "AuraSchema", "AuraPosix", "AuraCommandLine"]),

        // The entry points the fuzzers in fuzz/ drive; the replay tests run the corpus through them.
        .target(name: "AuraFuzzTargets", dependencies: ["AuraWire", "AuraMessages", "AuraSchema", "AuraDocuments"]),

        // Transport: syscalls and the epoll event loop.
        .target(name: "AuraPosix", dependencies: ["AuraBytes"]),
        .target(name: "AuraEventLoop", dependencies: ["AuraPosix", "AuraBytes"]),
        // Threads for blocking work (file I/O, fsync), so event loops never block.
        .target(name: "AuraBlockingPool", dependencies: ["AuraPosix"]),
        // The durable job log: segment files, group commit, recovery. No sockets, no RPC.
        .target(name: "CAuraCRC32C"),
        .target(name: "AuraJobLog", dependencies: ["AuraPosix", "AuraBytes", "AuraCrypto", "CAuraCRC32C"]),

        .target(name: "CAuraSHA256"),
        .target(name: "CAuraOpenSSL"),
        .target(name: "AuraCrypto", dependencies: ["AuraPosix", "CCrypto", "CAuraOpenSSL", "CAuraSHA256"]),
        // TLS through OpenSSL over memory BIOs, as a security layer for event loop channels.
        .target(name: "AuraTLS", dependencies: ["CSSL", "CAuraOpenSSL", "AuraBytes", "AuraEventLoop"]),

        // Documents: how an uploaded document splits into records, chunk by chunk.
        .target(name: "AuraDocuments", dependencies: ["AuraBytes", "AuraCore"]),

        // Plugin host: loads analyzer and redactor plugins with dlopen, swaps them live.
        .target(name: "AuraPluginHost", dependencies: ["AuraPosix", "AuraCore", "AuraBytes", "AuraCrypto", "AuraBlockingPool", "AuraTracing", "CAuraPlugin"]),
        // Runs one plugin in a process of its own for a server (process isolation).
        .executableTarget(name: "aura-plugin-worker", dependencies: ["AuraPluginHost", "AuraPosix", "AuraCommandLine"]),

        // Tracing: W3C trace context, sampling, spans written as OTLP/JSON lines. No sockets.
        .target(name: "AuraTracing", dependencies: ["AuraBytes", "AuraCore", "AuraPosix"]),

        // Metrics: counters and latency histograms without locks, the Prometheus text format, alerts.
        .target(name: "AuraMetrics"),
        // A small HTTP/1.1 server on its own event loop, for /metrics and /healthz.
        .target(name: "AuraHTTP", dependencies: ["AuraEventLoop", "AuraBytes", "AuraPosix"]),

        // Server core and services.
        .target(name: "AuraServer", dependencies: ["AuraWire", "AuraEventLoop", "AuraPosix", "AuraMetrics", "AuraTLS", "AuraTracing"]),
        .target(name: "AuraHealth", dependencies: ["AuraServer", "AuraMessages"]),
        .target(name: "AuraConformance", dependencies: ["AuraServer", "AuraMessages"]),
        .target(
            name: "AuraSentiment",
            dependencies: ["AuraServer", "AuraPluginHost", "AuraCrypto", "AuraMessages", "AuraPosix"]),
        .target(
            name: "AuraJobs",
            dependencies: [
                "AuraJobLog", "AuraDocuments", "AuraServer", "AuraSentiment", "AuraMessages", "AuraCrypto",
                "AuraBlockingPool", "AuraPosix", "AuraTracing",
            ]),
        // Several servers as one: job ids that name their server, calls forwarded to it (docs/SCALING.md).
        .target(name: "AuraCluster", dependencies: ["AuraBytes", "AuraJobs", "AuraClient", "AuraServer", "AuraCore", "AuraProto", "AuraEventLoop", "AuraTLS", "AuraTracing"]),
        // API keys, scopes and rate limits: the keys file, the auth interceptor, aura.Keys.
        .target(name: "AuraAuth", dependencies: ["AuraCore", "AuraServer", "AuraMessages", "AuraCrypto", "AuraPosix", "AuraMetrics"]),
        .target(name: "AuraCommandLine"),
        // Backups: the snapshot a server streams (aura.Admin/Backup), written by a client and
        // restored by `aura-server --restore`.
        .target(name: "AuraBackup", dependencies: ["AuraPosix", "AuraCrypto", "AuraMessages"]),
        .target(
            name: "AuraBackupService",
            dependencies: ["AuraBackup", "AuraJobLog", "AuraServer", "AuraBlockingPool", "AuraBytes", "AuraCore", "AuraCrypto", "AuraMessages", "AuraPosix"]),
        // The server's figures: metrics of every component, aura.Admin/Stats, /metrics, alerts.
        .target(
            name: "AuraAdmin",
            dependencies: ["AuraServer", "AuraWire", "AuraMetrics", "AuraHTTP", "AuraMessages", "AuraSentiment", "AuraJobs", "AuraPluginHost", "AuraPosix"]),
        // The built-in dashboard: bounded time series sampled from the metrics, and the page.
        .target(name: "AuraDashboard", dependencies: ["AuraBytes", "AuraCore", "AuraMetrics", "AuraHTTP", "AuraServer", "AuraPosix"]),
        .executableTarget(
            name: "aura-server",
            dependencies: [
                "AuraBytes", "AuraServer", "AuraHealth", "AuraConformance", "AuraSentiment", "AuraJobs", "AuraJobLog", "AuraAuth", "AuraPosix",
                "AuraCommandLine", "AuraBackup", "AuraBackupService", "AuraAdmin", "AuraHTTP", "AuraMetrics", "AuraTLS", "AuraTracing", "AuraCluster", "AuraDashboard",
            ]),

        // Clients.
        .target(name: "AuraClient", dependencies: ["AuraWire", "AuraEventLoop", "AuraMessages", "AuraPosix", "AuraTLS", "AuraTracing"], path: "clients/AuraClient"),
        .executableTarget(
            name: "aura-rpc", dependencies: ["AuraClient", "AuraSchema", "AuraMessages", "AuraCommandLine", "AuraBackup", "AuraTracing"], path: "clients/aura-rpc"),
        .executableTarget(
            name: "aura-bench",
            dependencies: [
                "AuraClient", "AuraMessages", "AuraConformance", "AuraServer", "AuraSentiment", "AuraPluginHost", "AuraCommandLine",
                "AuraDocuments", "AuraJobLog", "AuraPosix", "AuraCrashHarness", "AuraAbuse", "TestSupport",
            ],
            path: "benchmarks/aura-bench"),
        // The crash proof of the job path, run by AuraJobsCrashTests and `aura-bench crash`.
        .target(
            name: "AuraCrashHarness", dependencies: ["AuraClient", "AuraMessages", "AuraCore", "AuraBytes", "AuraCrypto"],
            path: "benchmarks/AuraCrashHarness"),
        // Hostile peers against a real server, run by AuraAbuseTests and `aura-bench abuse`.
        .target(
            name: "AuraAbuse", dependencies: ["AuraCrashHarness", "AuraBytes", "AuraClient", "AuraMessages", "AuraWire", "AuraEventLoop", "AuraPosix"],
            path: "benchmarks/AuraAbuse"),

        // Plugins: a pure core each (unit-tested directly) and a thin ABI shell (the .so).
        .target(name: "AuraPluginKit", dependencies: ["CAuraPlugin"], path: "Plugins/PluginKit"),
        // The lexicon's tables as one read-only image (Core/Lexicon/LexiconImage.swift), embedded
        // by the plugin; lexicon-image writes it from the data files' records (Records/).
        .target(name: "CLexiconImage", path: "Plugins/LexiconSentiment/Image", exclude: ["lexicon.image"]),
        .target(name: "LexiconSentimentCore", dependencies: ["AuraPluginKit", "CLexiconImage"], path: "Plugins/LexiconSentiment/Core"),
        .target(name: "LexiconRecords", dependencies: ["LexiconSentimentCore"], path: "Plugins/LexiconSentiment/Records"),
        .executableTarget(
            name: "lexicon-image", dependencies: ["LexiconRecords", "LexiconSentimentCore"], path: "Plugins/LexiconSentiment/tools/lexicon-image"),
        .target(
            name: "AuraPluginLexiconSentiment", dependencies: ["LexiconSentimentCore", "AuraPluginKit", "CAuraPlugin"],
            path: "Plugins/LexiconSentiment/Plugin"),
        .target(name: "PatternRedactorCore", path: "Plugins/PatternRedactor/Core"),
        .target(
            name: "AuraPluginPatternRedactor", dependencies: ["PatternRedactorCore", "AuraPluginKit", "CAuraPlugin"],
            path: "Plugins/PatternRedactor/Plugin"),
        .target(name: "AuraPluginKeywordRedactor", dependencies: ["CAuraPlugin"], path: "Plugins/KeywordRedactor"),
        .target(
            name: "LearnedSentimentCore", dependencies: ["LexiconSentimentCore", "AuraPluginKit"],
            path: "Plugins/LearnedSentiment/Core"),
        .target(
            name: "AuraPluginLearnedSentiment",
            dependencies: ["LearnedSentimentCore", "LexiconSentimentCore", "AuraPluginKit", "CAuraPlugin"],
            path: "Plugins/LearnedSentiment/Plugin", resources: [.copy("learned-sentiment.model")]),
        .executableTarget(
            name: "sentiment-eval", dependencies: ["LexiconSentimentCore", "LearnedSentimentCore"], path: "benchmarks/sentiment-eval"),

        // Tests mirror modules.
        .testTarget(name: "AuraBytesTests", dependencies: ["AuraBytes"]),
        .testTarget(name: "AuraCoreTests", dependencies: ["AuraCore"]),
        .testTarget(name: "AuraWireTests", dependencies: ["AuraWire", "TestSupport"]),
        .testTarget(name: "AuraSchemaTests", dependencies: ["AuraSchema"]),
        .testTarget(
            name: "AuraCodegenTests", dependencies: ["AuraCodegen", "AuraSchema", "AuraMessages", "AuraProto", "AuraWire", "TestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(name: "AuraFuzzTargetsTests", dependencies: ["AuraFuzzTargets"]),
        .testTarget(name: "AuraEventLoopTests", dependencies: ["AuraEventLoop"]),
        .testTarget(name: "AuraPosixTests", dependencies: ["AuraPosix", "TestSupport"]),
        .testTarget(name: "AuraBlockingPoolTests", dependencies: ["AuraBlockingPool"]),
        .testTarget(name: "AuraJobLogTests", dependencies: ["AuraJobLog", "AuraPosix", "AuraBytes"]),
        .testTarget(name: "AuraCryptoTests", dependencies: ["AuraCrypto", "CAuraSHA256"]),
        .testTarget(name: "AuraCommandLineTests", dependencies: ["AuraCommandLine"]),
        .testTarget(
            name: "AuraBackupTests",
            dependencies: ["AuraBackup", "AuraBackupService", "AuraJobLog", "AuraMessages", "AuraBytes", "AuraPosix", "AuraServer", "AuraClient", "TestSupport"]),
        .testTarget(name: "AuraMetricsTests", dependencies: ["AuraMetrics"]),
        .testTarget(name: "AuraHealthTests", dependencies: ["AuraHealth", "AuraMetrics", "AuraMessages", "AuraWire"]),
        .testTarget(
            name: "AuraTracingTests",
            dependencies: ["AuraTracing", "AuraCore", "AuraPosix", "AuraServer", "AuraClient", "AuraConformance", "AuraMessages", "TestSupport"]),
        .testTarget(name: "AuraHTTPTests", dependencies: ["AuraHTTP", "AuraEventLoop", "AuraPosix"]),
        .testTarget(name: "AuraDashboardTests", dependencies: ["AuraDashboard", "AuraCore", "AuraMetrics", "AuraHTTP"]),
        .testTarget(
            name: "AuraAuthTests",
            dependencies: ["AuraAuth", "AuraCrypto", "AuraServer", "AuraClient", "AuraConformance", "AuraHealth", "AuraMessages", "TestSupport"]),
        .testTarget(name: "AuraTLSTests", dependencies: ["AuraTLS", "AuraBytes", "CSSL", "TestSupport"]),
        .testTarget(name: "AuraDocumentsTests", dependencies: ["AuraDocuments", "TestSupport"]),
        .testTarget(name: "AuraRPCTests", dependencies: ["TestSupport"]),  // runs the built aura-server and aura-rpc
        .target(
            name: "TestSupport", dependencies: ["AuraServer", "AuraClient", "AuraConformance", "AuraMessages"], path: "Tests/TestSupport",
            exclude: ["fixture_plugin.c.txt", "fixture_unruly.c.txt"]),
        .testTarget(
            name: "AuraJobsTests",
            dependencies: ["AuraJobs", "AuraJobLog", "AuraMessages", "AuraProto", "AuraBytes", "AuraClient", "TestSupport"]),
        .testTarget(
            name: "AuraClusterTests",  // unit tests, and three built aura-servers behind a real HAProxy
            dependencies: ["AuraCluster", "AuraJobs", "AuraClient", "AuraCore", "AuraWire", "AuraBytes", "AuraMessages", "AuraCrashHarness", "AuraPosix", "AuraTracing", "TestSupport"]),
        .testTarget(name: "AuraJobsCrashTests", dependencies: ["AuraCrashHarness", "TestSupport"]),  // SIGKILLs the built aura-server
        .testTarget(name: "AuraAbuseTests", dependencies: ["AuraAbuse", "TestSupport"]),  // hostile peers against the built aura-server
        .testTarget(name: "AuraPluginKitTests", dependencies: ["AuraPluginKit", "CAuraPlugin"]),
        .testTarget(name: "AuraPluginHostTests", dependencies: ["AuraPluginHost", "AuraPosix", "AuraBytes", "AuraCore", "TestSupport"]),
        .testTarget(
            name: "AuraSentimentTests",
            dependencies: [
                "AuraSentiment", "AuraMessages", "AuraPluginHost", "TestSupport", "AuraServer", "AuraClient", "AuraHealth",
                "AuraCrashHarness", "AuraAbuse",
            ]),
        .testTarget(name: "LexiconSentimentCoreTests", dependencies: ["LexiconSentimentCore", "LexiconRecords", "AuraPluginKit", "TestSupport"]),
        .testTarget(name: "LearnedSentimentCoreTests", dependencies: ["LearnedSentimentCore", "LexiconSentimentCore"]),
        .testTarget(name: "PatternRedactorCoreTests", dependencies: ["PatternRedactorCore", "TestSupport"]),
        .testTarget(
            name: "AuraClientTests",
            dependencies: ["AuraClient", "AuraMessages", "AuraServer", "AuraConformance", "AuraWire", "AuraEventLoop", "AuraTracing", "TestSupport"]),
        // Counts allocations per thread for the allocation tests (replaces malloc in the test binary).
        .target(name: "CAuraAllocationCounter", path: "Tests/CAuraAllocationCounter"),
        .testTarget(
            name: "AuraAllocationTests",
            dependencies: ["CAuraAllocationCounter", "AuraServer", "AuraClient", "AuraConformance", "AuraMessages", "AuraEventLoop", "TestSupport"]),
        .testTarget(
            name: "AuraServerTests",
            dependencies: ["AuraServer", "AuraHealth", "AuraConformance", "AuraMessages", "AuraClient", "TestSupport"]),
    ]
)

// The server, its plugin worker, the client library it links and the plugins are compiled
// without the implicit import of Swift's string-processing library (regex and substring
// search; `AuraBytes.TextSearch` covers what we need), and import no Dispatch, whose overlay
// links that library: loading them with the regex parser cost every process about 1 MiB of
// resident memory (benchmarks/README.md). `MappedLibrariesTests` checks a running server maps
// neither. Tools and tests keep both. (A flag, so the manifest needs tools 6.2: from 6.2 on, a
// package with flags may still be a dependency of other packages.)
let withoutStringProcessing: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-disable-implicit-string-processing-module-import"]),
]
for target in package.targets where target.type != .test && target.type != .system {
    let path = target.path ?? "Sources/\(target.name)"
    guard path.hasPrefix("Sources/") || path.hasPrefix("Plugins/") || path == "clients/AuraClient" else { continue }
    target.swiftSettings = (target.swiftSettings ?? []) + withoutStringProcessing
}
