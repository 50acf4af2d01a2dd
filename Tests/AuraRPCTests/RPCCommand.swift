import Foundation

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
/// AURA_ADDR unset unless `environment` sets it; kills it after `timeout` seconds.
func auraRPC(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:], timeout: Double = 10) async throws -> CommandResult {
    let binary = try Binaries.path(of: "aura-rpc")
    return try await onOwnThread { () -> Result<CommandResult, any Error> in
        Result { try run(binary, arguments, stdin: stdin, environment: environment, timeout: timeout) }
    }.get()
}

private func run(_ binary: String, _ arguments: [String], stdin: String?, environment: [String: String], timeout: Double) throws -> CommandResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: binary)
    process.arguments = arguments
    var variables = ProcessInfo.processInfo.environment
    variables["AURA_ADDR"] = nil
    variables.merge(environment) { $1 }
    process.environment = variables
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let start = Date()
    try process.run()
    let stdoutReader = PipeReader(output.fileHandleForReading)
    let stderrReader = PipeReader(errors.fileHandleForReading)
    signal(SIGPIPE, SIG_IGN)  // aura-rpc may exit before reading its input
    if let stdin { try? input.fileHandleForWriting.write(contentsOf: Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    var timedOut = false
    if !waitForExit(process, timeout: timeout) {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        _ = waitForExit(process, timeout: 2)
    }
    _ = stdoutReader.waitForEnd(timeout: 2)
    _ = stderrReader.waitForEnd(timeout: 2)
    return CommandResult(
        status: process.terminationStatus, stdout: stdoutReader.text, stderr: stderrReader.text,
        elapsed: Date().timeIntervalSince(start), timedOut: timedOut)
}
