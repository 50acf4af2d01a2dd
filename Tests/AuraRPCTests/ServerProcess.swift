import Foundation
import Synchronization
import TestSupport

/// An `aura-server` child process on 127.0.0.1 with an ephemeral port and a data directory
/// of its own; `stop()` ends it with SIGTERM (SIGKILL if it lingers).
final class ServerProcess: @unchecked Sendable {
    /// A server that did not come up.
    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    let process: Process
    let port: Int
    let dataDirectory: URL
    /// Whether `stop()` removes the data directory (it does when `start` made it).
    private let ownsDataDirectory: Bool
    private let output: PipeReader
    private let errors: PipeReader

    /// The address to give aura-rpc.
    var address: String { "127.0.0.1:\(port)" }

    /// What the server printed on standard output so far.
    var standardOutput: String { output.text }

    /// The data directory of each running server by address: aura-rpc started by a test for
    /// `--addr ADDRESS` finds the server's admin key there (`RunningCommand`), as it does on
    /// the server's machine.
    static let dataDirectories = Mutex<[String: String]>([:])

    private init(process: Process, port: Int, dataDirectory: URL, ownsDataDirectory: Bool, output: PipeReader, errors: PipeReader) {
        self.process = process
        self.port = port
        self.dataDirectory = dataDirectory
        self.ownsDataDirectory = ownsDataDirectory
        self.output = output
        self.errors = errors
    }

    /// Starts the server and waits (at most `timeout` seconds) for its "listening on" line. The
    /// bound only catches a server that never comes up: loading the plugins of 20 servers at
    /// once on a loaded 2-core machine took more than 10 s.
    ///
    /// `plugins` names the package plugins to load, e.g. ["LexiconSentiment"] for
    /// libAuraPluginLexiconSentiment.so: they are copied into a plugin directory of the
    /// server's own, so the test decides exactly what is loaded. nil: the server's default
    /// (the plugins next to its binary). `pluginFiles` adds .so files by path (fixtures).
    ///
    /// `dataDirectory`: a folder the test keeps (for restarts on the same data), not removed
    /// by `stop()`; nil: a fresh one, removed by `stop()`. `arguments` go to the server as well;
    /// `conformance` serves aura.TestService (`--conformance`), which most tests call.
    static func start(
        plugins: [String]? = nil, pluginFiles: [String] = [], dataDirectory given: URL? = nil, arguments extra: [String] = [],
        conformance: Bool = true, timeout: Double = 60
    ) async throws -> ServerProcess {
        let binary = try Binaries.path(of: "aura-server")
        let packagePlugins = try plugins?.map { try Binaries.plugin($0) }
        let dataDirectory = given ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("aura-rpc-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dataDirectory, withIntermediateDirectories: true)
        var arguments = ["--addr", "127.0.0.1:0", "--data-dir", dataDirectory.path, "--loops", "1"] + (conformance ? ["--conformance"] : []) + extra
        if packagePlugins != nil || !pluginFiles.isEmpty {
            do {
                let files = (packagePlugins ?? []) + pluginFiles
                arguments += ["--plugins", try Self.pluginDirectory(holding: files, in: dataDirectory).path]
            } catch {
                if given == nil { try? FileManager.default.removeItem(at: dataDirectory) }
                throw error
            }
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()

        let listening = DispatchSemaphore(value: 0)
        let output = PipeReader(stdout.fileHandleForReading) { chunk in
            if String(decoding: chunk, as: UTF8.self).contains("listening on") { listening.signal() }
        }
        let errors = PipeReader(stderr.fileHandleForReading)
        let cameUp = await onOwnThread { listening.wait(timeout: .now() + timeout) == .success }
        // The server may print other lines (plugins) first: take the port from the listening line.
        let line = output.text.split(separator: "\n").first { $0.contains("aura-server listening on ") }
        guard cameUp, let line, let port = Self.port(in: line) else {
            process.terminate()
            _ = waitForExit(process, timeout: 2)
            if given == nil { try? FileManager.default.removeItem(at: dataDirectory) }
            throw StartFailure(description: """
                aura-server did not report a listening port within \(timeout) s
                stdout: \(output.text)
                stderr: \(errors.text)
                """)
        }
        dataDirectories.withLock { $0["127.0.0.1:\(port)"] = dataDirectory.path }
        return ServerProcess(
            process: process, port: port, dataDirectory: dataDirectory, ownsDataDirectory: given == nil, output: output, errors: errors)
    }

    /// A new `plugins` folder in `directory` holding copies of `files`.
    private static func pluginDirectory(holding files: [String], in directory: URL) throws -> URL {
        let plugins = directory.appendingPathComponent("plugins")
        try FileManager.default.createDirectory(at: plugins, withIntermediateDirectories: true)
        for file in files {
            let source = URL(fileURLWithPath: file)
            let target = plugins.appendingPathComponent(source.lastPathComponent)
            if FileManager.default.fileExists(atPath: target.path) { continue }  // a restart on the same data
            try FileManager.default.copyItem(at: source, to: target)
        }
        return plugins
    }

    /// The port in "aura-server listening on 127.0.0.1:PORT (...)".
    private static func port(in line: Substring) -> Int? {
        guard let range = line.range(of: #"listening on [^ ]*:[0-9]+"#, options: .regularExpression) else { return nil }
        return Int(line[range].split(separator: ":").last ?? "")
    }

    /// Sends SIGTERM and waits for the exit (SIGKILL after `timeout` seconds), then removes the
    /// data directory if `start` made it. Safe to call more than once.
    ///
    /// SIGTERM is repeated every 0.2 s: aura-server prints its listening line a moment before
    /// it installs its signal handler, with SIGTERM ignored in between, so a server stopped
    /// right after it starts can miss the first one.
    func stop(timeout: Double = 5) {
        var waited = 0.0
        while process.isRunning && waited < timeout {
            process.terminate()
            if waitForExit(process, timeout: 0.2) { break }
            waited += 0.2
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            _ = waitForExit(process, timeout: 2)
        }
        Self.dataDirectories.withLock { _ = $0.removeValue(forKey: address) }
        if ownsDataDirectory { try? FileManager.default.removeItem(at: dataDirectory) }
    }

    /// The admin key the server wrote on its first start.
    var adminKey: String {
        get throws { try String(contentsOf: dataDirectory.appendingPathComponent("admin.key"), encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    /// What the server wrote to stderr so far (for failure messages).
    var errorOutput: String { errors.text }

    /// Waits until the server's stderr contains `text`, at most `timeout` seconds; returns
    /// whether it did.
    func waitForError(containing text: String, timeout: Double = 10) async -> Bool {
        await onOwnThread {
            let deadline = Date().addingTimeInterval(timeout)
            while !self.errors.text.contains(text) {
                if Date() > deadline { return false }
                usleep(5_000)
            }
            return true
        }
    }
}

/// Runs `body` with a fresh server, which is stopped however `body` ends; `plugins` as in
/// `ServerProcess.start`.
func withServer(plugins: [String]? = nil, _ body: (ServerProcess) async throws -> Void) async throws {
    let server = try await ServerProcess.start(plugins: plugins)
    defer { server.stop() }
    try await body(server)
}
