import Foundation
import Synchronization
import TestSupport

/// The built `aura-server` as a child process on 127.0.0.1 with an ephemeral port: for tests
/// that measure the server's own resident memory, which tests running beside them in this
/// process would blur.
final class ChildServer: Sendable {
    let port: Int
    private let process: Process
    private let dataDirectory: URL

    /// Starts the server with `arguments` and waits (at most `limit`) for its listening line.
    static func start(_ arguments: [String] = [], within limit: Duration = .seconds(30)) async throws -> ChildServer {
        let dataDirectory = FileManager.default.temporaryDirectory.appendingPathComponent("aura-child-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Binaries.path(of: "aura-server"))
        process.arguments = ["--addr", "127.0.0.1:0", "--data-dir", dataDirectory.path] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = OutputText()
        let handle = output.fileHandleForReading
        Thread {  // drains the pipe for the server's whole life, so it never blocks on stdout
            while case let chunk = handle.availableData, !chunk.isEmpty {
                text.value.withLock { $0 += String(decoding: chunk, as: UTF8.self) }
            }
        }.start()
        let port = { @Sendable () -> Int? in
            text.value.withLock { text in
                // The whole port: a chunk of the pipe may end inside the line.
                guard let range = text.range(of: #"listening on [^ ]*:[0-9]+ "#, options: .regularExpression) else { return nil }
                return Int(text[range].dropLast().split(separator: ":").last ?? "")
            }
        }
        guard await eventually(within: limit, { port() != nil || !process.isRunning }), let port = port() else {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            try? FileManager.default.removeItem(at: dataDirectory)
            throw TimeoutError(limit: limit, what: "aura-server to listen; it printed: \(text.value.withLock { $0 })")
        }
        return ChildServer(port: port, process: process, dataDirectory: dataDirectory)
    }

    private init(port: Int, process: Process, dataDirectory: URL) {
        self.port = port
        self.process = process
        self.dataDirectory = dataDirectory
    }

    /// The server's resident memory (VmRSS), in bytes.
    var residentBytes: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Int(line.filter(\.isNumber))
        else { return 0 }
        return kilobytes * 1024
    }

    /// Kills the server and removes its data.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: dataDirectory)
    }
}

/// What the child printed, appended by its reader thread.
private final class OutputText: Sendable {
    let value = Mutex("")
}
