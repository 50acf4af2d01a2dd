import Foundation
import Testing
import TestSupport

/// OpenSSL is loaded on first use (Sources/CAuraOpenSSL): a plaintext server that answered
/// calls (hashing API keys, plugin files and cached texts with our own SHA-256) has never
/// mapped libcrypto or libssl; a TLS server has both.
@Suite(.timeLimit(.minutes(1)))
struct OpenSSLLoadingTests {
    @Test func aPlaintextServerNeverMapsOpenSSL() async throws {
        try await withServer(plugins: ["LexiconSentiment", "PatternRedactor"]) { server in
            let analyzed = try await auraRPC(["analyze", "--redact", "Mail bob@example.com, it was wonderful", "--addr", server.address])
            #expect(analyzed.status == 0, "\(analyzed)")
            let libraries = try mappedLibraries(server)
            #expect(libraries.contains { $0.hasPrefix("libswiftCore") }, "the maps were read: \(libraries)")
            #expect(!libraries.contains { $0.hasPrefix("libcrypto") || $0.hasPrefix("libssl") }, "\(libraries)")
        }
    }

    @Test func aTLSServerMapsIt() async throws {
        let files = try await TestCertificates.shared()
        let server = try await ServerProcess.start(arguments: ["--tls-cert", files.serverCertificate, "--tls-key", files.serverKey])
        defer { server.stop() }
        let libraries = try mappedLibraries(server)
        #expect(libraries.contains { $0.hasPrefix("libcrypto.so.3") } && libraries.contains { $0.hasPrefix("libssl.so.3") }, "\(libraries)")
    }

    /// The file names of the shared libraries the server process has mapped.
    private func mappedLibraries(_ server: ServerProcess) throws -> Set<String> {
        // Read to the end: procfs reports a size of 0, which makes a sized read stop early.
        let path = "/proc/\(server.process.processIdentifier)/maps"
        guard let file = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileReadNoSuchFile) }
        defer { try? file.close() }
        let maps = String(decoding: try file.readToEnd() ?? Data(), as: UTF8.self)
        return Set(maps.split(separator: "\n").compactMap { line in
            guard let path = line.split(separator: " ", omittingEmptySubsequences: true).last, path.hasPrefix("/") else { return nil }
            return path.split(separator: "/").last.map(String.init)
        })
    }
}
