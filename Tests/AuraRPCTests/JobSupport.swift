import Foundation
import Testing

/// Shared pieces of the job command and job log fault tests.
enum JobDocuments {
    /// Three reviews, one a line: two positive, one negative.
    static let lines = "I love it\nthis is awful\nok fine\n"
    /// `lines`' SHA-256, computed with coreutils' sha256sum (an implementation not ours).
    static let linesSHA256 = "794775040357424e276bf3b98175a64bdb7163b3827bf6eb3d886e1cde0c9294"

    /// Writes `contents` to `name` in the server's data directory and returns its path.
    static func write(_ contents: String, to name: String, in server: ServerProcess) throws -> String {
        try write(Data(contents.utf8), to: name, in: server.dataDirectory)
    }

    /// Writes `data` to `name` in `directory` and returns its path.
    static func write(_ data: Data, to name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    /// `count` distinct review lines of about 100 bytes each.
    static func manyLines(_ count: Int, prefix: String = "review") -> String {
        (0..<count).map { "\(prefix) \($0): the delivery was quick and the product works well, I would buy it again" }
            .joined(separator: "\n") + "\n"
    }
}

/// The SHA-256 of the file at `path` as coreutils' sha256sum computes it.
func sha256sum(_ path: String) async throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [path]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let reader = PipeReader(output.fileHandleForReading)
    _ = await onOwnThread { waitForExit(process, timeout: 30) }
    _ = reader.waitForEnd(timeout: 2)
    return String(reader.text.prefix(64))
}

/// Runs aura-rpc against `server`, `--addr` appended.
func auraRPC(_ arguments: [String], on server: ServerProcess, stdin: String? = nil, timeout: Double = 20) async throws -> CommandResult {
    try await auraRPC(arguments + ["--addr", server.address], stdin: stdin, timeout: timeout)
}

/// Submits `path` to `server` with `--json` (plus `arguments`) and returns the job id.
func submitJob(_ path: String, _ arguments: [String] = [], on server: ServerProcess) async throws -> String {
    let result = try await auraRPC(["submit", path, "--json"] + arguments, on: server)
    try #require(result.status == 0, "\(result)")
    let line = try #require(result.lines.first, "\(result)")
    return try #require(try jsonObject(line)["jobId"] as? String, "\(result)")
}

/// The job as `aura-rpc job ID --json` shows it.
func jobJSON(_ jobID: String, on server: ServerProcess) async throws -> [String: Any] {
    let result = try await auraRPC(["job", jobID, "--json"], on: server)
    try #require(result.status == 0, "\(result)")
    return try jsonObject(result.stdout)
}
