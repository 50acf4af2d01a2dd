import Foundation
import Testing
import TestSupport

/// aura-server with `--tls-cert`/`--tls-key` and aura-rpc with `--tls --ca`: the real binaries,
/// certificates made by the `openssl` tool, SIGHUP reloads.
@Suite(.timeLimit(.minutes(1)))
struct TLSCommandTests {
    let files: TestCertificates

    init() async throws { files = try await TestCertificates.shared() }

    @Test func healthOverTLSAndAPlaintextClientRefused() async throws {
        let server = try await ServerProcess.start(arguments: ["--tls-cert", files.serverCertificate, "--tls-key", files.serverKey])
        defer { server.stop() }
        let secure = try await auraRPC(["--addr", server.address, "--tls", "--ca", files.caCertificate, "health"])
        #expect(secure.status == 0, "\(secure)")
        #expect(secure.stdout.contains("SERVING"), "\(secure)")

        let plain = try await auraRPC(["--addr", server.address, "health"])
        #expect(plain.status == 14, "\(plain)")
        #expect(plain.stderr.contains("UNAVAILABLE") && plain.stderr.contains("connect with TLS"), "\(plain)")
        #expect(await server.waitForError(containing: "TLS handshake failed"), "\(server.errorOutput)")
    }

    @Test func sighupReloadsTheCertificate() async throws {
        let directory = files.directory + "/reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificate = directory + "/cert.pem", key = directory + "/key.pem"
        try FileManager.default.copyItem(atPath: files.serverCertificate, toPath: certificate)
        try FileManager.default.copyItem(atPath: files.serverKey, toPath: key)
        let server = try await ServerProcess.start(arguments: ["--tls-cert", certificate, "--tls-key", key])
        defer { server.stop() }
        let before = try await auraRPC(["--addr", server.address, "--ca", files.caCertificate, "health"])
        #expect(before.status == 0, "\(before)")

        try FileManager.default.removeItem(atPath: certificate)
        try FileManager.default.removeItem(atPath: key)
        try FileManager.default.copyItem(atPath: files.untrustedCertificate, toPath: certificate)
        try FileManager.default.copyItem(atPath: files.untrustedKey, toPath: key)
        kill(server.process.processIdentifier, SIGHUP)
        #expect(await server.waitForError(containing: "TLS certificate and key reloaded"), "\(server.errorOutput)")

        let oldTrust = try await auraRPC(["--addr", server.address, "--ca", files.caCertificate, "health"])
        #expect(oldTrust.status == 14, "\(oldTrust)")
        #expect(oldTrust.stderr.contains("certificate verify failed"), "\(oldTrust)")
        let newTrust = try await auraRPC(["--addr", server.address, "--ca", files.otherCACertificate, "health"])
        #expect(newTrust.status == 0, "\(newTrust)")
    }

    @Test func plaintextOffLoopbackIsRefusedAtStart() async throws {
        // 192.0.2.1 (TEST-NET-1) is on no interface here: even a broken check could not bind it.
        let binary = try Binaries.path(of: "aura-server")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        let dataDirectory = files.directory + "/data-\(UUID().uuidString)"
        process.arguments = ["--addr", "192.0.2.1:0", "--data-dir", dataDirectory]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = await onOwnThread {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        #expect(process.terminationStatus == 2)
        #expect(text.contains("refusing to serve plaintext on 192.0.2.1:0"), "\(text)")
    }
}
