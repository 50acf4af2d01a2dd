// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AuraStream",
    products: [
        .executable(name: "aura-server", targets: ["aura-server"]),
        .executable(name: "aura-rpc", targets: ["aura-rpc"]),
        .executable(name: "aura-bench", targets: ["aura-bench"]),
        .library(name: "AuraClient", targets: ["AuraClient"]),
        // Plugins: loaded by the server with dlopen, never linked into it.
        .library(name: "AuraPluginLexiconSentiment", type: .dynamic, targets: ["AuraPluginLexiconSentiment"]),
        .library(name: "AuraPluginPatternRedactor", type: .dynamic, targets: ["AuraPluginPatternRedactor"]),
        .library(name: "AuraPluginKeywordRedactor", type: .dynamic, targets: ["AuraPluginKeywordRedactor"]),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .systemLibrary(name: "CCrypto", path: "Sources/CCrypto"),
        .target(name: "CAuraPlugin"),

        // Protocol core: bytes, frames, messages, state machines. No sockets.
        .target(name: "AuraBytes"),
        .target(name: "AuraWire", dependencies: ["AuraBytes", "CZlib"]),
        .target(name: "AuraSchema", dependencies: ["AuraWire"]),

        // Transport: syscalls and the epoll event loop.
        .target(name: "AuraPosix"),
        .target(name: "AuraEventLoop", dependencies: ["AuraPosix", "AuraBytes"]),

        .target(name: "AuraCrypto", dependencies: ["CCrypto"]),

        // Plugin host: loads analyzer and redactor plugins with dlopen, swaps them live.
        .target(name: "AuraPluginHost", dependencies: ["AuraPosix", "AuraWire", "CAuraPlugin"]),

        // Server core and services.
        .target(name: "AuraServer", dependencies: ["AuraWire", "AuraEventLoop"]),
        .target(name: "AuraHealth", dependencies: ["AuraServer"]),
        .target(name: "AuraConformance", dependencies: ["AuraServer"]),
        .target(
            name: "AuraSentiment",
            dependencies: ["AuraServer", "AuraPluginHost", "AuraCrypto", "AuraConformance"]),
        .target(name: "AuraCommandLine"),
        .executableTarget(
            name: "aura-server",
            dependencies: ["AuraServer", "AuraHealth", "AuraConformance", "AuraSentiment", "AuraPosix", "AuraCommandLine"]),

        // Clients.
        .target(name: "AuraClient", dependencies: ["AuraWire", "AuraEventLoop"], path: "clients/AuraClient"),
        .executableTarget(
            name: "aura-rpc", dependencies: ["AuraClient", "AuraSchema", "AuraHealth", "AuraSentiment", "AuraConformance", "AuraCommandLine"], path: "clients/aura-rpc"),
        .executableTarget(
            name: "aura-bench", dependencies: ["AuraClient", "AuraConformance", "AuraServer", "AuraSentiment", "AuraPluginHost", "AuraCommandLine"],
            path: "benchmarks/aura-bench"),

        // Plugins: a pure core each (unit-tested directly) and a thin ABI shell (the .so).
        .target(name: "LexiconSentimentCore", path: "Plugins/LexiconSentiment/Core"),
        .target(
            name: "AuraPluginLexiconSentiment", dependencies: ["LexiconSentimentCore", "CAuraPlugin"],
            path: "Plugins/LexiconSentiment/Plugin"),
        .target(name: "PatternRedactorCore", path: "Plugins/PatternRedactor/Core"),
        .target(
            name: "AuraPluginPatternRedactor", dependencies: ["PatternRedactorCore", "CAuraPlugin"],
            path: "Plugins/PatternRedactor/Plugin"),
        .target(name: "AuraPluginKeywordRedactor", dependencies: ["CAuraPlugin"], path: "Plugins/KeywordRedactor"),
        .executableTarget(
            name: "sentiment-eval", dependencies: ["LexiconSentimentCore"], path: "benchmarks/sentiment-eval"),

        // Tests mirror modules.
        .testTarget(name: "AuraBytesTests", dependencies: ["AuraBytes"]),
        .testTarget(name: "AuraWireTests", dependencies: ["AuraWire", "TestSupport"]),
        .testTarget(name: "AuraSchemaTests", dependencies: ["AuraSchema"]),
        .testTarget(name: "AuraEventLoopTests", dependencies: ["AuraEventLoop"]),
        .testTarget(name: "AuraRPCTests", dependencies: ["TestSupport"]),  // runs the built aura-server and aura-rpc
        .target(
            name: "TestSupport", dependencies: ["AuraServer", "AuraClient", "AuraConformance"], path: "Tests/TestSupport",
            exclude: ["fixture_plugin.c.txt"]),
        .testTarget(name: "AuraPluginHostTests", dependencies: ["AuraPluginHost", "TestSupport"]),
        .testTarget(
            name: "AuraSentimentTests",
            dependencies: ["AuraSentiment", "AuraPluginHost", "TestSupport", "AuraServer", "AuraClient"]),
        .testTarget(name: "LexiconSentimentCoreTests", dependencies: ["LexiconSentimentCore", "TestSupport"]),
        .testTarget(name: "PatternRedactorCoreTests", dependencies: ["PatternRedactorCore", "TestSupport"]),
        .testTarget(
            name: "AuraClientTests",
            dependencies: ["AuraClient", "AuraServer", "AuraConformance", "AuraWire", "AuraEventLoop", "TestSupport"]),
        .testTarget(
            name: "AuraServerTests",
            dependencies: ["AuraServer", "AuraHealth", "AuraConformance", "AuraClient", "TestSupport"]),
    ]
)
