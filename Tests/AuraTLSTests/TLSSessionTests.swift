import AuraBytes
import AuraTLS
import Testing
import TestSupport

@Suite struct TLSSessionTests {
    let certificates: TestCertificates

    init() async throws { certificates = try await TestCertificates.shared() }

    @Test func handshakeOpensBothSidesWithTLS13() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        #expect(pair.client.state == .handshaking)
        pair.handshake()
        guard case .open(let clientView) = pair.client.state, case .open(let serverView) = pair.server.state else {
            Issue.record("not open: client \(pair.client.state), server \(pair.server.state)")
            return
        }
        #expect(clientView.version == "TLSv1.3")
        #expect(clientView.peerSubject?.contains("aura-test-server") == true)
        #expect(serverView.peerSubject == nil)
    }

    @Test func plaintextWrittenBeforeTheHandshakeArrivesAfterIt() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.client.send(ByteBuffer(bytes: Array("AURARPC\u{1}".utf8)))
        #expect(pair.client.stagedBytes == 8)
        pair.handshake()
        #expect(pair.serverReceived.readableBytesArray == Array("AURARPC\u{1}".utf8))
        #expect(pair.client.stagedBytes == 0)
    }

    @Test func largeAndSmallMessagesCrossBothWays() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.handshake()
        let large = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        pair.client.send(ByteBuffer(bytes: large))
        pair.client.send(ByteBuffer(bytes: [1, 2, 3]))
        pair.server.send(ByteBuffer(bytes: [9, 8]))
        pair.exchange()
        #expect(pair.serverReceived.readableBytesArray == large + [1, 2, 3])
        #expect(pair.clientReceived.readableBytesArray == [9, 8])
    }

    @Test func closeNotifyClosesBothSides() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.handshake()
        pair.client.send(ByteBuffer(bytes: [7]))
        pair.client.close()
        #expect(pair.client.state == .closing)
        pair.client.send(ByteBuffer(bytes: [8]))  // dropped: the session is closing
        pair.exchange()
        #expect(pair.serverReceived.readableBytesArray == [7])
        #expect(pair.server.state == .closed)
        #expect(pair.client.state == .closed)
    }

    @Test func closeDuringTheHandshakeClosesAtOnce() throws {
        let pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.server.close()
        #expect(pair.server.state == .closed)
    }

    @Test func untrustedCertificateIsRefusedByTheClient() throws {
        let server = TLSServerConfiguration(
            certificateChainPath: certificates.untrustedCertificate, privateKeyPath: certificates.untrustedKey)
        var pair = try SessionPair(server: server, client: certificates.trustingClient)
        pair.handshake()
        #expect(pair.client.state.failureReason.contains("certificate verify failed"))
        #expect(pair.server.state.failureReason.contains("unknown ca"))
    }

    @Test func expiredCertificateIsRefusedByTheClient() throws {
        let server = TLSServerConfiguration(
            certificateChainPath: certificates.expiredCertificate, privateKeyPath: certificates.expiredKey)
        var pair = try SessionPair(server: server, client: certificates.trustingClient)
        pair.handshake()
        #expect(pair.client.state.failureReason.contains("certificate has expired"))
        #expect(!pair.server.state.isOpen)
    }

    @Test func certificateForAnotherNameIsRefused() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient, peerName: "example.com")
        pair.handshake()
        #expect(pair.client.state.failureReason.contains("hostname mismatch"))
    }

    @Test func mutualTLSRefusesAClientWithoutCertificate() throws {
        var server = certificates.server
        server.clientCAPath = certificates.caCertificate
        var pair = try SessionPair(server: server, client: certificates.trustingClient)
        pair.handshake()
        #expect(pair.server.state.failureReason.contains("peer did not return a certificate"))
        #expect(pair.client.state.failureReason.contains("certificate required"))
    }

    @Test func mutualTLSAcceptsAClientCertificateFromTheCA() throws {
        var server = certificates.server
        server.clientCAPath = certificates.caCertificate
        var client = certificates.trustingClient
        client.certificatePath = certificates.clientCertificate
        client.privateKeyPath = certificates.clientKey
        var pair = try SessionPair(server: server, client: client)
        pair.handshake()
        guard case .open(let serverView) = pair.server.state else {
            Issue.record("server not open: \(pair.server.state)")
            return
        }
        #expect(serverView.peerSubject?.contains("aura-test-client") == true)
    }

    @Test func plaintextFromTheClientFailsTheServerSession() throws {
        let server = try TLSContext(server: certificates.server).makeSession()
        var bytes = ByteBuffer(bytes: Array("AURARPC\u{1}".utf8) + [UInt8](repeating: 0, count: 20))
        var plaintext = ByteBuffer()
        server.receive(&bytes, into: &plaintext)
        #expect(server.state.failureReason.hasPrefix("TLS handshake failed: "))
        #expect(plaintext.readableBytes == 0)
    }

    @Test func missingFilesAreNamedInTheError() {
        let configuration = TLSServerConfiguration(certificateChainPath: "/nonexistent/cert.pem", privateKeyPath: "/nonexistent/key.pem")
        #expect(throws: TLSError.self) { try TLSContext(server: configuration) }
        do {
            _ = try TLSContext(server: configuration)
        } catch {
            #expect(error.reason.contains("/nonexistent/cert.pem"))
        }
    }

    @Test func mismatchedKeyIsRefused() throws {
        let configuration = TLSServerConfiguration(
            certificateChainPath: certificates.serverCertificate, privateKeyPath: certificates.clientKey)
        #expect(throws: TLSError.self) { try TLSContext(server: configuration) }
    }
}
