import AuraAbuse
import AuraClient
import AuraCrashHarness
import AuraEventLoop
import Foundation

/// An `aura-server` child process on 127.0.0.1 with an ephemeral port, for benchmarks that
/// measure the server apart from the client (its RSS, its CPU).
final class ServerProcess {
    let process = Process()
    let port: Int
    /// What a client of this server needs: the admin key it wrote to its data directory
    /// (none with `--auth off`).
    let clientConfiguration: ClientConfiguration
    private var drainer: Thread?
    nonisolated(unsafe) private static var started = 0

    /// Starts the server binary that sits next to this executable (or `binary`) and waits for
    /// its "listening on" line; its data goes to `dataDirectory` (default: a new temporary one).
    init(binary: String?, loops: Int?, extraArguments: [String] = [], dataDirectory given: String? = nil) throws {
        let executable = binary ?? URL(fileURLWithPath: CommandLine.arguments[0])
            .deletingLastPathComponent().appendingPathComponent("aura-server").path
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchError("no aura-server binary at \(executable); build it (swift build -c release) or pass --server-binary")
        }
        let dataDirectory = given ?? FileManager.default.temporaryDirectory.appendingPathComponent("aura-bench-\(getpid())-\(Self.started)").path
        Self.started += 1
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--addr", "127.0.0.1:0", "--data-dir", dataDirectory, "--conformance"] + (loops.map { ["--loops", "\($0)"] } ?? [])
            + extraArguments
        let outputPipe = Pipe()
        process.standardOutput = outputPipe
        try process.run()
        ChildReaper.watch(process.processIdentifier)
        // Plugin lines may come first; the port is on the "listening on" line.
        var output = Data()
        let handle = outputPipe.fileHandleForReading
        var port: Int?
        while port == nil {
            let chunk = handle.availableData
            guard !chunk.isEmpty else { throw BenchError("aura-server exited before listening: \(String(decoding: output, as: UTF8.self))") }
            output.append(chunk)
            let text = String(decoding: output, as: UTF8.self)
            if let range = text.range(of: #"listening on [^ ]*:(\d+)"#, options: .regularExpression) {
                port = Int(text[range].split(separator: ":").last ?? "")
            }
        }
        drainer = Thread { while !handle.availableData.isEmpty {} }  // keep the pipe from filling up
        drainer?.start()
        self.port = port!
        var configuration = ClientConfiguration()
        configuration.apiKey = ServerChild.adminKey(in: dataDirectory)
        clientConfiguration = configuration
    }

    /// Options that let a server hold `count` connections from this one client address (the
    /// default per address is 1,000; the server raises its own open-file limit).
    static func idleConnectionArguments(_ count: Int) -> [String] {
        ["--max-connections", "\(max(count, 10_000))", "--max-connections-per-address", "\(count)"]
    }

    /// The benchmarks against this server, with clients on `loop`.
    func benchmarks(loop: EventLoop, duration: Duration) -> Benchmarks {
        Benchmarks(address: "127.0.0.1:\(port)", loop: loop, duration: duration, clientConfiguration: clientConfiguration)
    }

    /// The server's resident memory in bytes, from /proc.
    var residentBytes: Int { ServerMemory(pid: process.processIdentifier).resident }

    /// Stops the server (SIGTERM) and waits for it.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
        ChildReaper.forget(process.processIdentifier)
    }
}

/// A benchmark that cannot run.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
