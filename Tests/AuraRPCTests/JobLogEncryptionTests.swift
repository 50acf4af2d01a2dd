import Foundation
import TestSupport
import Testing

/// Encryption at rest as an operator meets it, with the real aura-server (docs/ENCRYPTION.md).
extension JobLogFaultTests {
    /// Writes `key` (hex) to a key file with `mode` in `folder`.
    private func keyFile(_ name: String, _ key: String, mode: Int = 0o600, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent(name).path
        try Data((key + "\n").utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    @Test func anEncryptedLogNeedsItsKeyAndSurvivesARotation() async throws {
        let data = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: data) }
        let keys = data.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        let keyA = try keyFile("a.key", String(repeating: "a1", count: 32), in: keys)
        let keyB = try keyFile("b.key", String(repeating: "b2", count: 32), in: keys)
        let jobID: String
        do {
            let server = try await ServerProcess.start(plugins: Self.plugins, dataDirectory: data, arguments: ["--encryption-key-file", keyA])
            defer { server.stop() }
            let path = try JobDocuments.write(Data(JobDocuments.lines.utf8), to: "reviews.txt", in: data)
            jobID = try await submitJob(path, ["--wait"], on: server)
        }
        let segments = try segmentFiles(in: data)
        let before = try segments.map { try Data(contentsOf: $0) }
        #expect(!before.contains { $0.range(of: Data("this is awful".utf8)) != nil }, "the document's text is not on disk in the clear")

        let open = try keyFile("open.key", String(repeating: "a1", count: 32), mode: 0o644, in: keys)
        for arguments in [[], ["--repair"], ["--encryption-key-file", keyB], ["--encryption-key-file", keyB, "--repair"], ["--encryption-key-file", open]] {
            let refused = try await runProcess(try Binaries.path(of: "aura-server"), serverArguments(data, arguments))
            #expect(refused.status != 0 && !refused.timedOut && refused.stdout.isEmpty, "\(arguments): \(refused)")
            #expect(refused.stderr.contains("job log encryption: "), "\(arguments): \(refused)")
            #expect(refused.stderr.contains(arguments.last == open ? "chmod 600" : "sealed under key id"), "\(arguments): \(refused)")
            #expect(try segments.map { try Data(contentsOf: $0) } == before, "\(arguments): nothing was overwritten")
        }

        let rotated = try await ServerProcess.start(
            plugins: Self.plugins, dataDirectory: data, arguments: ["--encryption-key-file", keyB, "--encryption-old-key-file", keyA])
        defer { rotated.stop() }
        let job = try await jobJSON(jobID, on: rotated)
        #expect(job["state"] as? String == "COMPLETED" && job["sha256"] as? String == JobDocuments.linesSHA256, "\(job)")
        #expect(try await auraRPC(["results", jobID], on: rotated).lines.count == 3)
    }
}
