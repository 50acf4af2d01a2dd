import Foundation
import TestSupport
import Testing

/// The outcome of one aura-rpc run.
struct CommandResult: Sendable, CustomStringConvertible {
    let status: Int32
    let stdout: String
    let stderr: String
    /// How long it ran, in seconds.
    let elapsed: Double
    /// Whether it was killed for running past its timeout.
    let timedOut: Bool

    /// The non-empty lines of standard output.
    var lines: [String] { stdout.split(separator: "\n").map(String.init) }

    var description: String {
        "exit \(status)\(timedOut ? " (killed: timed out)" : "") after \(elapsed) s\nstdout: \(stdout)\nstderr: \(stderr)"
    }
}

/// Runs `aura-rpc arguments...` with `stdin` as its standard input (empty when nil) and
/// AURA_ADDR unset unless `environment` sets it; kills it after `timeout` seconds. For a
/// server of this test run, aura-rpc finds its admin key (`RunningCommand`).
func auraRPC(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], timeout: Double = 10) async throws -> CommandResult {
    let command = try RunningCommand(arguments, environment: environment)
    if let stdin { command.write(stdin) }
    return await command.finish(timeout: timeout)
}

/// An aura-rpc process whose standard input the test writes when it likes, so it can check
/// what the command prints before its input ends.
final class RunningCommand: Sendable {
    private let process: Process
    private let input: FileHandle
    private let output: PipeReader
    private let errors: PipeReader
    private let start = Date()

    /// Starts `program arguments...` (aura-rpc unless told), AURA_ADDR, AURA_API_KEY and
    /// AURA_DATA_DIR unset unless `environment` sets them. When the server addressed (`--addr`
    /// or AURA_ADDR) is a `ServerProcess` and neither `--api-key` nor `--data-dir` is given,
    /// AURA_DATA_DIR names its data directory, so aura-rpc finds the admin key there as on the
    /// server's machine.
    init(_ arguments: [String], environment: [String: String] = [:], program: String = "aura-rpc") throws {
        let binary = try Binaries.path(of: program)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["AURA_ADDR"] = nil
        variables["AURA_API_KEY"] = nil
        variables["AURA_DATA_DIR"] = nil
        variables.merge(environment) { $1 }
        let given = Set(arguments)
        if given.isDisjoint(with: ["--api-key", "--data-dir"]), variables["AURA_DATA_DIR"] == nil,
           let address = arguments.firstIndex(of: "--addr").flatMap({ $0 + 1 < arguments.count ? arguments[$0 + 1] : nil }) ?? variables["AURA_ADDR"],
           let directory = ServerProcess.dataDirectories.withLock({ $0[address] }) {
            variables["AURA_DATA_DIR"] = directory
        }
        process.environment = variables
        let input = Pipe()
        let output = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        signal(SIGPIPE, SIG_IGN)  // aura-rpc may exit before reading its input
        try process.run()
        self.process = process
        self.input = input.fileHandleForWriting
        self.output = PipeReader(output.fileHandleForReading)
        self.errors = PipeReader(errors.fileHandleForReading)
    }

    /// Writes `text` to the command's standard input (ignored once the command has exited).
    func write(_ text: String) {
        try? input.write(contentsOf: Data(text.utf8))
    }

    /// The non-empty lines of standard output so far.
    var lines: [String] { output.text.split(separator: "\n").map(String.init) }

    /// Waits until standard output holds `count` lines, at most `timeout` seconds; returns
    /// whether it did.
    func waitForLines(_ count: Int, timeout: Double) async -> Bool {
        await onOwnThread {
            let deadline = Date().addingTimeInterval(timeout)
            while self.lines.count < count {
                if Date() > deadline { return false }
                usleep(5_000)
            }
            return true
        }
    }

    /// Ends the command at once with SIGKILL (a client cut off mid-way).
    func cutOff() {
        Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// Closes standard input and waits for the exit; kills the command after `timeout` seconds.
    func finish(timeout: Double = 10) async -> CommandResult {
        await onOwnThread {
            try? self.input.close()
            var timedOut = false
            if !waitForExit(self.process, timeout: timeout) {
                timedOut = true
                kill(self.process.processIdentifier, SIGKILL)
                // SIGKILL cannot be ignored: wait for it however loaded the machine is, since
                // reading the status of a process still running traps.
                self.process.waitUntilExit()
            }
            _ = self.output.waitForEnd(timeout: 2)
            _ = self.errors.waitForEnd(timeout: 2)
            return CommandResult(
                status: self.process.terminationStatus, stdout: self.output.text, stderr: self.errors.text,
                elapsed: Date().timeIntervalSince(self.start), timedOut: timedOut)
        }
    }
}

/// Parses one JSON object.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
}
