import AuraClient
import Foundation

/// An `aura-server` child process on 127.0.0.1 (an ephemeral port) over a data directory that
/// outlives it: the crash harness SIGKILLs one and starts the next on the same directory; the
/// abuse harness (AuraAbuse) starts one per scenario.
public final class ServerChild: @unchecked Sendable {  // its fields are set once in init; the readers own their buffers
    /// A server that did not come up.
    struct StartFailure: Error, CustomStringConvertible {
        let description: String
    }

    /// The child process.
    public let process: Process
    /// Where it listens.
    public let address: String
    /// What a client of this server needs: the admin key the server wrote to its data
    /// directory on its first start (docs/KEYS.md); none when it runs with `--auth off`.
    public let clientConfiguration: ClientConfiguration
    /// From the spawn to its "listening on" line: recovery of the job log included.
    let startupMilliseconds: Double
    private let errors: LineReader

    private init(process: Process, address: String, apiKey: String?, startupMilliseconds: Double, errors: LineReader) {
        self.process = process
        self.address = address
        var configuration = ClientConfiguration()
        configuration.apiKey = apiKey
        clientConfiguration = configuration
        self.startupMilliseconds = startupMilliseconds
        self.errors = errors
    }

    /// Starts `binary` on `dataDirectory` with `arguments` and waits (at most `timeout`) for
    /// its listening line; `onErrorLine` hears each line it writes to stderr.
    public static func start(
        binary: String, dataDirectory: String, arguments: [String], timeout: Duration = .seconds(30),
        onErrorLine: @escaping @Sendable (String) -> Void = { _ in }
    ) async throws -> ServerChild {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--addr", "127.0.0.1:0", "--data-dir", dataDirectory] + arguments
        let stdout = Pipe(), stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let clock = ContinuousClock()
        let spawned = clock.now
        let listening = Listening()
        let output = LineReader(stdout.fileHandleForReading) { line in
            if line.contains("aura-server listening on ") { listening.found(line, at: clock.now) }
        }
        let errors = LineReader(stderr.fileHandleForReading, onLine: onErrorLine)
        try process.run()
        let found = await onOwnThread { listening.wait(timeout: timeout) }
        guard let (line, at) = found, let port = Self.port(in: line) else {
            if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            throw StartFailure(description: """
                aura-server did not report a listening port within \(timeout) (exit status \(process.terminationStatus))
                stdout: \(output.text.suffix(2000))
                stderr: \(errors.text.suffix(4000))
                """)
        }
        let elapsed = at - spawned
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return ServerChild(
            process: process, address: "127.0.0.1:\(port)", apiKey: Self.adminKey(in: dataDirectory), startupMilliseconds: milliseconds,
            errors: errors)
    }

    /// The token in `directory/admin.key`, or nil.
    public static func adminKey(in directory: String) -> String? {
        (try? String(contentsOfFile: directory + "/admin.key", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The port in "aura-server listening on 127.0.0.1:PORT (...)".
    private static func port(in line: String) -> Int? {
        guard let range = line.range(of: #"listening on [^ ]*:[0-9]+"#, options: .regularExpression) else { return nil }
        return Int(line[range].split(separator: ":").last ?? "")
    }

    /// SIGKILL, and waits for the process to be gone.
    func kill() async {
        Glibc.kill(process.processIdentifier, SIGKILL)
        await onOwnThread { [process] in process.waitUntilExit() }
    }

    /// SIGTERM (repeated: the server ignores it for a moment after its listening line), then
    /// SIGKILL if it lingers past `timeout`; returns whether it stopped by itself.
    @discardableResult
    public func stop(timeout: Duration = .seconds(10)) async -> Bool {
        await onOwnThread { [process] in
            let deadline = ContinuousClock.now + timeout
            while process.isRunning && ContinuousClock.now < deadline {
                process.terminate()
                usleep(100_000)
            }
            guard process.isRunning else { return true }
            Glibc.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return false
        }
    }

    /// The last `count` characters the server wrote to stderr (for failure messages).
    public func errorOutput(last count: Int = 4000) -> String { String(errors.text.suffix(count)) }
}

/// The listening line, once it came.
private final class Listening: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private let came = DispatchSemaphore(value: 0)
    private var line: (String, ContinuousClock.Instant)?

    func found(_ text: String, at instant: ContinuousClock.Instant) {
        let first = lock.withLock { () -> Bool in
            guard line == nil else { return false }
            line = (text, instant)
            return true
        }
        if first { came.signal() }
    }

    func wait(timeout: Duration) -> (String, ContinuousClock.Instant)? {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard came.wait(timeout: .now() + seconds) == .success else { return nil }
        return lock.withLock { line }
    }
}

/// The lines read from a pipe until end of file, by a thread of its own.
final class LineReader: @unchecked Sendable {  // guarded by `lock`
    private let lock = NSLock()
    private var data = Data()

    /// Starts reading `handle`; `onLine` hears each complete line.
    init(_ handle: FileHandle, onLine: @escaping @Sendable (String) -> Void) {
        Thread { [self] in
            var pending = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0a) {
                    onLine(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
                    pending.removeSubrange(pending.startIndex...newline)
                }
            }
        }.start()
    }

    /// What was read so far.
    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
}

/// Runs blocking work (waiting for a process or a semaphore) on a thread of its own, so that
/// it never holds one of the few threads of the concurrency pool.
func onOwnThread<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
        Thread { continuation.resume(returning: body()) }.start()
    }
}
