import AuraBytes
import Testing
import TestSupport

@testable import AuraTLS

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

    @Test func recordsSplitAcrossReadsAtAnyByteArriveWhole() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.handshake()
        let message = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        pair.client.send(ByteBuffer(bytes: message))
        var ciphertext = ByteBuffer()
        while let chunk = pair.client.takeCiphertext() { ciphertext.writeBuffer(chunk) }
        var plaintext = ByteBuffer()
        while ciphertext.readableBytes > 0 {  // pieces of 1,000 bytes: record headers and tags split too
            var piece = ciphertext.readSlice(length: min(1000, ciphertext.readableBytes))!
            pair.server.receive(&piece, into: &plaintext)
            #expect(piece.readableBytes == 0)
        }
        #expect(plaintext.readableBytesArray == message)
    }

    @Test func plaintextLargerThanTheBufferKeepsItsPartialFrameAndTheHandlersSlices() throws {
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.handshake()
        var plaintext = ByteBuffer(capacity: 64)
        plaintext.writeBytes([1, 2, 3, 4, 5])
        let slice = plaintext.readSlice(length: 2)!  // a message the handler still holds
        let large = (0..<(600 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        pair.client.send(ByteBuffer(bytes: large))
        while var ciphertext = pair.client.takeCiphertext() { pair.server.receive(&ciphertext, into: &plaintext) }
        #expect(slice.readableBytesArray == [1, 2])
        #expect(plaintext.readableBytesArray == [3, 4, 5] + large)
    }

    @Test func streamingReusesBuffersOnceTheirHoldersLetGo() throws {
        // Empty recyclers: buffers that earlier tests on this thread left would be reused first.
        let recyclers = ThreadBufferRecyclers.current
        recyclers.ciphertext = BufferRecycler(minimumCapacity: recyclers.ciphertext.minimumCapacity, limit: recyclers.ciphertext.limit)
        recyclers.plaintext = BufferRecycler(minimumCapacity: recyclers.plaintext.minimumCapacity, limit: recyclers.plaintext.limit)
        var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
        pair.handshake()
        let message = ByteBuffer(bytes: (0..<(64 * 1024)).map { UInt8(truncatingIfNeeded: $0) })
        var plaintext = ByteBuffer()
        var ciphertextSeen: [Set<UnsafeRawPointer>] = [], plaintextSeen: [Set<UnsafeRawPointer>] = []
        var blockers: [ByteBuffer] = []
        for _ in 0..<2 {
            var ciphertextStorage = Set<UnsafeRawPointer>(), plaintextStorage = Set<UnsafeRawPointer>()
            var messages: [ByteBuffer] = []  // held to the end of the round, as a handler holds what it was given
            for _ in 0..<8 { pair.client.send(message) }
            while var ciphertext = pair.client.takeCiphertext() {
                ciphertextStorage.insert(Self.address(of: ciphertext))
                pair.server.receive(&ciphertext, into: &plaintext)
                plaintextStorage.insert(Self.address(of: plaintext))
                while plaintext.readableBytes >= message.readableBytes { messages.append(plaintext.readSlice(length: message.readableBytes)!) }
            }
            #expect(messages.count == 8 && messages.allSatisfy { $0 == message })
            messages.removeAll()
            // Blocks of the same sizes, so that malloc cannot hand freed storage back by chance.
            for _ in ciphertextStorage.union(plaintextStorage) {
                blockers += [ByteBuffer(capacity: CiphertextBuffers.chunkSize), ByteBuffer(capacity: TLSSession.largePlaintextSize)]
            }
            ciphertextSeen.append(ciphertextStorage)
            plaintextSeen.append(plaintextStorage)
        }
        #expect(!ciphertextSeen[0].isDisjoint(with: ciphertextSeen[1]))
        #expect(!plaintextSeen[0].isDisjoint(with: plaintextSeen[1]))
        #expect(blockers.count > 0)
    }

    @Test func whatSessionsKeepIsBoundedPerThreadNotPerConnection() throws {
        let message = ByteBuffer(bytes: [UInt8](repeating: 7, count: 64 * 1024))
        var pairs: [SessionPair] = []  // all alive at the end, as idle connections that once streamed
        for _ in 0..<6 {
            var pair = try SessionPair(server: certificates.server, client: certificates.trustingClient)
            pair.handshake()
            var plaintext = ByteBuffer()
            for _ in 0..<8 { pair.client.send(message) }
            while var ciphertext = pair.client.takeCiphertext() { pair.server.receive(&ciphertext, into: &plaintext) }
            #expect(plaintext.readableBytes == 8 * message.readableBytes)
            pairs.append(pair)
        }
        let recyclers = ThreadBufferRecyclers.current
        #expect(recyclers.ciphertext.count > 0 && recyclers.ciphertext.count <= recyclers.ciphertext.limit)
        #expect(recyclers.plaintext.count <= recyclers.plaintext.limit)
        #expect(pairs.count == 6)
    }

    private static func address(of buffer: ByteBuffer) -> UnsafeRawPointer {
        buffer.withUnsafeReadableBytes { $0.baseAddress! - buffer.readerIndex }
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
