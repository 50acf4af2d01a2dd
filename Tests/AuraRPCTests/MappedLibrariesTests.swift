import Foundation
import Testing
import TestSupport

/// What a running server maps, which is what its idle memory is made of:
/// - OpenSSL is loaded on first use (Sources/CAuraOpenSSL): a plaintext server that answered
///   calls (hashing API keys, plugin files and cached texts with our own SHA-256) has never
///   mapped libcrypto or libssl; a TLS server has both.
/// - The server and its plugins are built without Swift's string-processing library and the
///   Dispatch overlay that links it (Package.swift): neither is mapped, nor the regex parser.
@Suite(.timeLimit(.minutes(1)))
struct MappedLibrariesTests {
    @Test func aPlaintextServerNeverMapsOpenSSLNorStringProcessing() async throws {
        try await withServer(plugins: ["LexiconSentiment", "PatternRedactor"]) { server in
            let analyzed = try await auraRPC(["analyze", "--redact", "Mail bob@example.com, it was wonderful", "--addr", server.address])
            #expect(analyzed.status == 0, "\(analyzed)")
            let libraries = try mappedLibraries(server)
            #expect(libraries.contains { $0.hasPrefix("libswiftCore") }, "the maps were read: \(libraries)")
            #expect(libraries.contains { $0.contains("LexiconSentiment") }, "the plugins were loaded: \(libraries)")
            #expect(!libraries.contains { $0.hasPrefix("libcrypto") || $0.hasPrefix("libssl") }, "\(libraries)")
            let unwanted = ["libswift_StringProcessing", "libswift_RegexParser", "libswiftDispatch", "libFoundation"]
            #expect(!libraries.contains { name in unwanted.contains { name.hasPrefix($0) } }, "\(libraries)")
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
        // A line ends with the path, which may hold spaces and end in " (deleted)" (a plugin's
        // staged copy is removed once mapped).
        return Set(maps.split(separator: "\n").compactMap { line in
            guard let slash = line.firstIndex(of: "/") else { return nil }
            var path = line[slash...]
            if path.hasSuffix(" (deleted)") { path = path.dropLast(" (deleted)".count) }
            return path.split(separator: "/").last.map(String.init)
        })
    }
}
