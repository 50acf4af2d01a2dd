import AuraBytes
import CSSL
import Testing
import TestSupport

@testable import AuraTLS

/// Our TLS 1.3 record layer, against itself and against OpenSSL's: a session whose context has
/// `ownTLS13RecordLayer` off keeps OpenSSL's record layer, so a pair with one side off proves
/// interoperability with OpenSSL in both directions.
@Suite struct TLS13RecordLayerTests {
    let certificates: TestCertificates

    init() async throws { certificates = try await TestCertificates.shared() }

    /// The three ways round: ours both sides, our client with OpenSSL's server, OpenSSL's client with our server.
    static let sides: [(Bool, Bool)] = [(true, true), (true, false), (false, true)]

    @Test func theRecordLayerTakesOverAfterATLS13AESGCMHandshake() throws {
        for suite in ["TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384"] {
            var pair = try makePair(clientCipherSuites: suite)
            pair.handshake()
            guard case .open(let parameters) = pair.client.state else {
                Issue.record("not open: \(pair.client.state)")
                continue
            }
            #expect(parameters.cipher == suite)
            #expect(pair.client.usesOwnRecordLayer && pair.server.usesOwnRecordLayer)
            pair.client.send(ByteBuffer(bytes: [1, 2, 3]))
            pair.server.send(ByteBuffer(bytes: [4]))
            pair.exchange()
            #expect(pair.serverReceived.readableBytesArray == [1, 2, 3])
            #expect(pair.clientReceived.readableBytesArray == [4])
        }
    }

    @Test func tls12AndChaCha20StayWithOpenSSL() throws {
        let pairs = [
            ("TLSv1.2", try makePair(clientMaximumVersion: TLS1_2_VERSION)),
            ("TLS_CHACHA20_POLY1305_SHA256", try makePair(clientCipherSuites: "TLS_CHACHA20_POLY1305_SHA256")),
        ]
        for (expected, pair) in pairs {
            var pair = pair
            pair.handshake()
            guard case .open(let parameters) = pair.client.state, pair.server.state.isOpen else {
                Issue.record("not open: client \(pair.client.state), server \(pair.server.state)")
                continue
            }
            #expect(parameters.version == expected || parameters.cipher == expected)
            #expect(!pair.client.usesOwnRecordLayer && !pair.server.usesOwnRecordLayer)
            pair.client.send(ByteBuffer(bytes: [7, 7]))
            pair.exchange()
            #expect(pair.serverReceived.readableBytesArray == [7, 7])
        }
    }

    @Test(arguments: sides) func largeAndSmallMessagesCrossBothWays(ourClient: Bool, ourServer: Bool) throws {
        var pair = try makePair(ourServer: ourServer, ourClient: ourClient)
        let first = ByteBuffer(bytes: Array("AURARPC\u{1}".utf8))
        pair.client.send(first)  // before the handshake: it leaves with the client's Finished
        pair.handshake()
        #expect(pair.client.usesOwnRecordLayer == ourClient && pair.server.usesOwnRecordLayer == ourServer)
        let large = (0..<(1 << 20) + 77).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        pair.client.send(ByteBuffer(bytes: large))
        pair.client.send(ByteBuffer(bytes: [1, 2, 3]))
        pair.server.send(ByteBuffer(bytes: large.reversed()))
        pair.server.send(ByteBuffer(bytes: [9, 8]))
        pair.exchange()
        #expect(pair.serverReceived.readableBytesArray == Array(first.readableBytesArray) + large + [1, 2, 3])
        #expect(pair.clientReceived.readableBytesArray == large.reversed() + [9, 8])
        #expect(pair.client.state.isOpen && pair.server.state.isOpen)
    }

    @Test(arguments: sides) func recordsFedOneByteAtATimeArriveWhole(ourClient: Bool, ourServer: Bool) throws {
        var pair = try makePair(ourServer: ourServer, ourClient: ourClient)
        pair.handshake()
        let message = (0..<40_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        for (sender, receiver) in [(pair.client, pair.server), (pair.server, pair.client)] {
            sender.send(ByteBuffer(bytes: message))
            var ciphertext = Self.ciphertext(of: sender)
            var plaintext = ByteBuffer()
            while ciphertext.readableBytes > 0 {
                var piece = ciphertext.readSlice(length: 1)!
                receiver.receive(&piece, into: &plaintext)
                #expect(piece.readableBytes == 0)
            }
            #expect(plaintext.readableBytesArray == message)
        }
    }

    @Test(arguments: [
        (1, 1 as UInt8, "bad record mac"),  // the tag
        (30, 1, "bad record mac"),  // the ciphertext
    ]) func aCorruptedRecordFailsWithNoPlaintextAndTheAlertReachesOpenSSL(offsetFromEnd: Int, delta: UInt8, reason: String) throws {
        var pair = try makePair(ourServer: true, ourClient: false)
        pair.handshake()
        pair.client.send(ByteBuffer(bytes: [UInt8](repeating: 5, count: 100)))
        var ciphertext = Self.ciphertext(of: pair.client)
        ciphertext.withUnsafeMutableReadableBytes { $0[$0.count - offsetFromEnd] &+= delta }
        var plaintext = ByteBuffer()
        pair.server.receive(&ciphertext, into: &plaintext)
        #expect(pair.server.state.failureReason.contains(reason), "\(pair.server.state)")
        #expect(plaintext.readableBytes == 0)
        pair.exchange()  // our alert, sealed by our layer, opened by OpenSSL's
        #expect(pair.client.state.failureReason.contains(reason), "\(pair.client.state)")
    }

    @Test(arguments: [
        (0, 0x16 as UInt8, "unexpected message"),  // the header's content type
        (1, 0x02, "decode error"),  // its version
        (4, 0x00, "bad record mac"),  // its length (0x013D -> 0x0100): the tag is read from the wrong place
        (3, 0x41, "record overflow"),  // its length (0x413D): more than 2^14 + 256
    ]) func aCorruptedHeaderFailsWithNoPlaintext(offset: Int, value: UInt8, reason: String) throws {
        var pair = try makePair()
        pair.handshake()
        pair.client.send(ByteBuffer(bytes: [UInt8](repeating: 5, count: 300)))
        var ciphertext = Self.ciphertext(of: pair.client)
        ciphertext.withUnsafeMutableReadableBytes { $0[offset] = value }
        var plaintext = ByteBuffer()
        pair.server.receive(&ciphertext, into: &plaintext)
        #expect(pair.server.state.failureReason.contains(reason), "\(pair.server.state)")
        #expect(plaintext.readableBytes == 0)
        #expect(pair.server.hasCiphertext)  // the alert
        pair.exchange()
        #expect(pair.client.state.failureReason.contains("alert \(reason)"), "\(pair.client.state)")
    }

    @Test func anOversizedRecordIsRefusedFromItsHeaderAlone() throws {
        var pair = try makePair()
        pair.handshake()
        var header = ByteBuffer(bytes: [0x17, 0x03, 0x03, 0xFF, 0xFF])
        var plaintext = ByteBuffer()
        pair.server.receive(&header, into: &plaintext)
        #expect(pair.server.state.failureReason.contains("record overflow: a record of 65535 bytes"), "\(pair.server.state)")
        #expect(plaintext.readableBytes == 0)
    }

    @Test(arguments: sides) func closeNotifyEndsBothSidesEitherWay(ourClient: Bool, ourServer: Bool) throws {
        for clientCloses in [true, false] {
            var pair = try makePair(ourServer: ourServer, ourClient: ourClient)
            pair.handshake()
            let (closer, other) = clientCloses ? (pair.client, pair.server) : (pair.server, pair.client)
            closer.send(ByteBuffer(bytes: [7]))
            closer.close()
            #expect(closer.state == .closing)
            pair.exchange()
            #expect(closer.state == .closed && other.state == .closed, "closer \(closer.state), other \(other.state)")
            #expect((clientCloses ? pair.serverReceived : pair.clientReceived).readableBytesArray == [7])
        }
    }

    @Test(arguments: sides) func keyUpdatesBothWaysKeepDataFlowing(ourClient: Bool, ourServer: Bool) throws {
        var pair = try makePair(ourServer: ourServer, ourClient: ourClient)
        pair.handshake()
        var expectedAtServer: [UInt8] = [], expectedAtClient: [UInt8] = []
        for (round, requesting) in [(0, false), (1, true), (2, true), (3, false)] {
            let updater = round % 2 == 0 ? pair.client : pair.server
            updater.updateKeys(requestingPeerUpdate: requesting)
            pair.exchange()
            // Data both ways: OpenSSL sends the KeyUpdate a request asked for with its next record.
            pair.client.send(ByteBuffer(bytes: [UInt8(round), 1]))
            pair.server.send(ByteBuffer(bytes: [UInt8(round), 2]))
            expectedAtServer += [UInt8(round), 1]
            expectedAtClient += [UInt8(round), 2]
            pair.exchange()
            #expect(pair.client.state.isOpen && pair.server.state.isOpen, "client \(pair.client.state), server \(pair.server.state)")
        }
        #expect(pair.serverReceived.readableBytesArray == expectedAtServer)
        #expect(pair.clientReceived.readableBytesArray == expectedAtClient)
        // Client updates: rounds 0 and 2 (+1 asked by the server in round 1); server: 1 and 3 (+1 asked in round 2).
        #expect(pair.client.keyGenerations.map { $0.write == 3 && $0.read == 3 } ?? !ourClient, "\(String(describing: pair.client.keyGenerations))")
        #expect(pair.server.keyGenerations.map { $0.write == 3 && $0.read == 3 } ?? !ourServer, "\(String(describing: pair.server.keyGenerations))")
    }

    @Test func ourOwnKeyUpdateAtTheRecordLimitIsFollowedByOpenSSL() throws {
        var pair = try makePair(ourServer: false, ourClient: true)
        pair.client.recordsPerKey = 3
        pair.handshake()
        let message = (0..<(10 * 16_384)).map { UInt8(truncatingIfNeeded: $0 &* 5) }
        pair.client.send(ByteBuffer(bytes: message))
        pair.exchange()
        #expect(pair.serverReceived.readableBytesArray == message)
        #expect(pair.client.keyGenerations?.write == 3)  // a KeyUpdate after records 3, 6 and 9
        #expect(pair.server.state.isOpen)
    }

    @Test func hkdfExpandLabelMatchesRFC8448() {
        // RFC 8448 §3: the server's application_traffic_secret_0 and its write key and IV.
        let secret: [UInt8] = Self.bytes("a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643")
        let digest = EVP_sha256()!
        var key = [UInt8](repeating: 0, count: 16), iv = [UInt8](repeating: 0, count: 12)
        secret.withUnsafeBytes { secret in
            _ = key.withUnsafeMutableBytes { TrafficKeySchedule.expandLabel(secret: secret, label: "key", digest: digest, into: $0) }
            _ = iv.withUnsafeMutableBytes { TrafficKeySchedule.expandLabel(secret: secret, label: "iv", digest: digest, into: $0) }
        }
        #expect(key == Self.bytes("9f02283b6c9c07efc26bb9f2ac92e356"))
        #expect(iv == Self.bytes("cf782b88dd83549aadf1e984"))
    }

    // MARK: Helpers

    private func makePair(
        ourServer: Bool = true, ourClient: Bool = true, clientCipherSuites: String? = nil, clientMaximumVersion: Int32? = nil
    ) throws -> SessionPair {
        var server = certificates.server
        server.ownTLS13RecordLayer = ourServer
        var client = certificates.trustingClient
        client.ownTLS13RecordLayer = ourClient
        let clientContext = try TLSContext(client: client)
        if let clientCipherSuites { #expect(SSL_CTX_set_ciphersuites(clientContext.pointer, clientCipherSuites) == 1) }
        if let clientMaximumVersion { #expect(aura_ssl_ctx_set_max_proto_version(clientContext.pointer, clientMaximumVersion) == 1) }
        return SessionPair(server: try TLSContext(server: server).makeSession(), client: clientContext.makeSession(peerName: "127.0.0.1"))
    }

    private static func ciphertext(of session: TLSSession) -> ByteBuffer {
        var all = ByteBuffer()
        while let chunk = session.takeCiphertext() { all.writeBuffer(chunk) }
        return all
    }

    private static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0...$0 + 1], as: UTF8.self), radix: 16)! }
    }
}
