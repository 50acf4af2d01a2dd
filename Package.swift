// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "AuraStream",
    products: [
        .executable(name: "aura-server", targets: ["aura-server"]),
        .executable(name: "aura-rpc", targets: ["aura-rpc"]),
        .executable(name: "aura-bench", targets: ["aura-bench"]),
        .library(name: "AuraClient", targets: ["AuraClient"]),
    ],
    targets: [
        // System libraries.
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),

        // Protocol core: bytes, frames, messages, state machines. No sockets.
        .target(name: "AuraBytes"),
        .target(name: "AuraWire", dependencies: ["AuraBytes", "CZlib"]),
        .target(name: "AuraSchema", dependencies: ["AuraWire"]),

        // Transport: syscalls and the epoll event loop.
        .target(name: "AuraPosix"),
        .target(name: "AuraEventLoop", dependencies: ["AuraPosix", "AuraBytes"]),

        // Server core and services.
        .target(name: "AuraServer", dependencies: ["AuraWire", "AuraEventLoop"]),
        .target(name: "AuraHealth", dependencies: ["AuraServer"]),
        .target(name: "AuraConformance", dependencies: ["AuraServer"]),
        .target(name: "AuraCommandLine"),
        .executableTarget(
            name: "aura-server",
            dependencies: ["AuraServer", "AuraHealth", "AuraConformance", "AuraCommandLine"]),

        // Clients.
        .target(name: "AuraClient", dependencies: ["AuraWire", "AuraEventLoop"], path: "clients/AuraClient"),
        .executableTarget(
            name: "aura-rpc", dependencies: ["AuraClient", "AuraSchema", "AuraHealth", "AuraCommandLine"], path: "clients/aura-rpc"),
        .executableTarget(
            name: "aura-bench", dependencies: ["AuraClient", "AuraConformance", "AuraServer", "AuraCommandLine"], path: "benchmarks/aura-bench"),

        // Tests mirror modules.
        .testTarget(name: "AuraBytesTests", dependencies: ["AuraBytes"]),
        .testTarget(name: "AuraWireTests", dependencies: ["AuraWire"]),
        .testTarget(name: "AuraSchemaTests", dependencies: ["AuraSchema"]),
        .testTarget(name: "AuraEventLoopTests", dependencies: ["AuraEventLoop"]),
        .testTarget(
            name: "AuraServerTests",
            dependencies: ["AuraServer", "AuraHealth", "AuraConformance", "AuraClient"]),
    ]
)
