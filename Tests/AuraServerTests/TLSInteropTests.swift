import AuraServer
import AuraTLS
import Foundation
import Testing
import TestSupport

/// The real `openssl s_client` against our server: an independent TLS implementation agrees
/// on the handshake, the version floor and the certificate.
@Suite(.timeLimit(.minutes(1))) struct TLSInteropTests {
    let files: TestCertificates

    init() async throws { files = try await TestCertificates.shared() }

    private func withServer(_ body: (String) async throws -> Void) async throws {
        let tls = try TLSServerContext(
            configuration: TLSServerConfiguration(certificateChainPath: files.serverCertificate, privateKeyPath: files.serverKey))
        try await TestServer.run(configure: { $0.tls = tls }) { harness in try await body(harness.address) }
    }

    @Test func sClientCompletesTLS13AndSeesTheServerCertificate() async throws {
        try await withServer { address in
            let (status, output) = try await sClient(address, "-CAfile", files.caCertificate, "-verify_return_error")
            #expect(status == 0, "\(output)")
            #expect(output.contains("Protocol version: TLSv1.3"), "\(output)")
            #expect(output.contains("CN = aura-test-server"), "\(output)")
            #expect(output.contains("Verification: OK"), "\(output)")
        }
    }

    @Test func sClientCompletesTLS12() async throws {
        try await withServer { address in
            let (status, output) = try await sClient(address, "-tls1_2", "-CAfile", files.caCertificate, "-verify_return_error")
            #expect(status == 0, "\(output)")
            #expect(output.contains("Protocol version: TLSv1.2"), "\(output)")
        }
    }

    @Test func tls11IsRefused() async throws {
        try await withServer { address in
            let (status, output) = try await sClient(address, "-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0")
            #expect(status != 0, "\(output)")
            #expect(!output.contains("Protocol version: TLSv1.1"), "\(output)")
        }
    }

    /// Runs `openssl s_client -brief` with no input (it closes after the handshake).
    private func sClient(_ address: String, _ arguments: String...) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_client", "-brief", "-connect", address] + arguments
        process.standardInput = FileHandle.nullDevice
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        // Waiting blocks: on a thread of its own, not one of the concurrency pool's.
        return await withCheckedContinuation { continuation in
            Thread {
                let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                continuation.resume(returning: (process.terminationStatus, text))
            }.start()
        }
    }
}
