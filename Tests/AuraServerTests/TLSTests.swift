import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraTLS
import AuraWire
import Foundation
import Synchronization
import Testing
import TestSupport

/// The server's log lines, and a counter to wait for them.
private final class LogLines: Sendable {
    let lines = Mutex<[String]>([])
    let counter = EventCounter()

    var logger: ServerLogger {
        ServerLogger(level: .info) { [self] line in
            lines.withLock { $0.append(line.message) }
            counter.increment()
        }
    }

    /// Waits for a line containing `text`; returns it.
    func waitForLine(containing text: String) async throws -> String {
        while true {
            let count = counter.count  // read first: a line logged after the search still wakes us
            if let line = lines.withLock({ $0.first { $0.contains(text) } }) { return line }
            try await counter.waitUntil(atLeast: count + 1)
        }
    }
}

@Suite(.timeLimit(.minutes(1))) struct TLSTests {
    let files: TestCertificates

    init() async throws { files = try await TestCertificates.shared() }

    private var trustingClient: ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.tls = TLSClientConfiguration(caPath: files.caCertificate)
        configuration.connectAttempts = 1
        return configuration
    }

    private func serverContext(certificate: String? = nil, key: String? = nil, clientCA: String? = nil) throws -> TLSServerContext {
        try TLSServerContext(
            configuration: TLSServerConfiguration(
                certificateChainPath: certificate ?? files.serverCertificate, privateKeyPath: key ?? files.serverKey, clientCAPath: clientCA))
    }

    /// Runs `body` with a TLS server (context `tls`, log lines in `log`) and a client made from `client`.
    private func withTLSServer(
        _ tls: TLSServerContext?, client: ClientConfiguration, log: LogLines = LogLines(),
        _ body: (AuraClient, TestServer) async throws -> Void
    ) async throws {
        try await TestServer.run(configure: {
            $0.tls = tls
            $0.logger = log.logger
        }) { harness in
            let client = AuraClient(address: harness.address, configuration: client)
            do {
                try await body(client, harness)
            } catch {
                await client.shutdown()
                throw error
            }
            await client.shutdown()
        }
    }

    private func expectRefusal(_ client: AuraClient, containing text: String) async throws {
        let error = await #expect(throws: RPCError.self) {
            _ = try await client.unary(Method.unary, SimpleRequest(responseSize: 10), as: SimpleResponse.self)
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains(text) == true, "message: \(error?.message ?? "none")")
    }

    @Test func unaryAndStreamingCallsWork() async throws {
        try await withTLSServer(try serverContext(), client: trustingClient) { client, _ in
            let reply = try await client.unary(Method.unary, SimpleRequest(responseSize: 100_000), as: SimpleResponse.self)
            #expect(reply.payload.body.readableBytes == 100_000)

            let upload: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> = try await client.makeCall(Method.streamingInput)
            for _ in 0..<20 { try await upload.send(StreamingInputCallRequest(payload: Payload(size: 100_000))) }
            await upload.closeSend()
            #expect(try await upload.response().message.aggregatedPayloadSize == 2_000_000)

            let download: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> = try await client.serverStreaming(
                Method.streamingOutput, StreamingOutputCallRequest(responseParameters: Array(repeating: ResponseParameters(size: 70_000), count: 30)))
            var total = 0
            for try await response in download.responses { total += response.payload.body.readableBytes }
            #expect(total == 2_100_000)
        }
    }

    @Test func plaintextClientIsRefusedAndLogged() async throws {
        let log = LogLines()
        var plaintext = ClientConfiguration()
        plaintext.connectAttempts = 1
        try await withTLSServer(try serverContext(), client: plaintext, log: log) { client, _ in
            try await expectRefusal(client, containing: "connect with TLS")
            _ = try await log.waitForLine(containing: "TLS handshake failed")
        }
    }

    @Test func tlsClientOfAPlaintextServerIsRefused() async throws {
        try await withTLSServer(nil, client: trustingClient) { client, _ in
            try await expectRefusal(client, containing: "TLS handshake failed")
        }
    }

    @Test func untrustedCertificateIsRefused() async throws {
        let tls = try serverContext(certificate: files.untrustedCertificate, key: files.untrustedKey)
        let log = LogLines()
        try await withTLSServer(tls, client: trustingClient, log: log) { client, _ in
            try await expectRefusal(client, containing: "certificate verify failed")
            _ = try await log.waitForLine(containing: "unknown ca")
        }
    }

    @Test func expiredCertificateIsRefused() async throws {
        let tls = try serverContext(certificate: files.expiredCertificate, key: files.expiredKey)
        try await withTLSServer(tls, client: trustingClient) { client, _ in
            try await expectRefusal(client, containing: "certificate has expired")
        }
    }

    @Test func mutualTLSRefusesAClientWithoutCertificate() async throws {
        let log = LogLines()
        try await withTLSServer(try serverContext(clientCA: files.caCertificate), client: trustingClient, log: log) { client, _ in
            try await expectRefusal(client, containing: "certificate required")
            _ = try await log.waitForLine(containing: "peer did not return a certificate")
        }
    }

    @Test func mutualTLSAcceptsAClientCertificate() async throws {
        var configuration = trustingClient
        configuration.tls?.certificatePath = files.clientCertificate
        configuration.tls?.privateKeyPath = files.clientKey
        try await withTLSServer(try serverContext(clientCA: files.caCertificate), client: configuration) { client, _ in
            _ = try await client.unary(Method.empty, Empty(), as: Empty.self)
        }
    }

    @Test func unloadableClientFilesAreAnInvalidArgument() async throws {
        var configuration = trustingClient
        configuration.tls?.caPath = files.directory + "/missing.pem"
        try await withTLSServer(try serverContext(), client: configuration) { client, _ in
            let error = await #expect(throws: RPCError.self) { _ = try await client.unary(Method.empty, Empty(), as: Empty.self) }
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.contains("missing.pem") == true)
        }
    }

    /// A reload switches what new handshakes see (here to a certificate from another CA, so the
    /// switch shows in whom a client must trust), while a connection made before goes on.
    @Test func reloadSwitchesTheCertificateWhileAnOpenConnectionKeepsWorking() async throws {
        let directory = files.directory + "/reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificate = directory + "/cert.pem", key = directory + "/key.pem"
        try FileManager.default.copyItem(atPath: files.serverCertificate, toPath: certificate)
        try FileManager.default.copyItem(atPath: files.serverKey, toPath: key)
        let tls = try serverContext(certificate: certificate, key: key)

        try await withTLSServer(tls, client: trustingClient) { earlyClient, harness in
            _ = try await earlyClient.unary(Method.empty, Empty(), as: Empty.self)
            let stream: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> = try await earlyClient.makeCall(Method.streamingInput)
            try await stream.send(StreamingInputCallRequest(payload: Payload(size: 1000)))

            try FileManager.default.removeItem(atPath: certificate)
            try FileManager.default.removeItem(atPath: key)
            try FileManager.default.copyItem(atPath: files.untrustedCertificate, toPath: certificate)
            try FileManager.default.copyItem(atPath: files.untrustedKey, toPath: key)
            try tls.reload()

            let lateClient = AuraClient(address: harness.address, configuration: trustingClient)
            try await expectRefusal(lateClient, containing: "certificate verify failed")
            await lateClient.shutdown()
            var otherTrust = trustingClient
            otherTrust.tls?.caPath = files.otherCACertificate
            let renewedClient = AuraClient(address: harness.address, configuration: otherTrust)
            _ = try await renewedClient.unary(Method.empty, Empty(), as: Empty.self)
            await renewedClient.shutdown()

            try await stream.send(StreamingInputCallRequest(payload: Payload(size: 2000)))
            await stream.closeSend()
            #expect(try await stream.response().message.aggregatedPayloadSize == 3000)
            _ = try await earlyClient.unary(Method.empty, Empty(), as: Empty.self)
        }
    }
}
