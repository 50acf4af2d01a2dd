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

    /// Application data both ways through the server's own TLS 1.3 record layer and OpenSSL's
    /// in s_client: the server opens s_client's bytes (not AuraRPC's preface) and its SETTINGS
    /// and GOAWAY, sealed by our layer, reach s_client, which prints them.
    @Test(arguments: ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"])
    func sClientExchangesDataThroughTheServersRecordLayer(suite: String) async throws {
        try await withServer { address in
            let (_, output) = try await sClient(
                address, input: "NOTAURA!", "-quiet", "-ciphersuites", suite, "-CAfile", files.caCertificate, "-verify_return_error")
            #expect(output.contains("bad preface magic"), "\(output)")
        }
    }

    /// Runs `openssl s_client -brief` with no input (it closes after the handshake).
    private func sClient(_ address: String, _ arguments: String...) async throws -> (Int32, String) {
        try await sClient(address, input: nil, ["-brief"] + arguments)
    }

    /// Runs `openssl s_client` with `input` (then end of file), or none.
    private func sClient(_ address: String, input: String?, _ arguments: String...) async throws -> (Int32, String) {
        try await sClient(address, input: input, arguments)
    }

    private func sClient(_ address: String, input: String?, _ arguments: [String]) async throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = ["s_client", "-connect", address] + arguments
        if let input {
            let pipe = Pipe()
            pipe.fileHandleForWriting.write(Data(input.utf8))
            try pipe.fileHandleForWriting.close()
            process.standardInput = pipe
        } else {
            process.standardInput = FileHandle.nullDevice
        }
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
