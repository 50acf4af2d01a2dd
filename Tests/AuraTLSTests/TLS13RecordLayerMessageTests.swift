import AuraBytes
import Testing

@testable import AuraTLS

/// Records OpenSSL never sends but a peer may: the layer under test (a server) reads records
/// sealed here directly with the client's traffic secret.
@Suite struct TLS13RecordLayerMessageTests {
    let clientSecret = Self.secret(0x11), serverSecret = Self.secret(0x22)
    let suite = TLS13CipherSuite(protocolID: 0x1301)!

    @Test func aKeyUpdateSplitAcrossRecordsIsAppliedAndDataFollowsUnderTheNewKey() throws {
        var reader = try makeReader()
        let peer = try #require(RecordProtection(suite: suite, secret: clientSecret, sealing: true))
        var plaintext = ByteBuffer()
        var records = seal([24, 0], type: 22, with: peer)
        records.writeBuffer(seal([0, 1, 0], type: 22, with: peer))
        #expect(peer.update())
        records.writeBuffer(seal([1, 2, 3], type: 23, with: peer))
        records.writeBuffer(seal([], type: 23, with: peer))  // empty application data is allowed
        #expect(reader.layer.open(&records, into: &plaintext, replies: reader.buffers) == .awaitingMore)
        #expect(plaintext.readableBytesArray == [1, 2, 3])
        #expect(reader.layer.keyGenerations.read == 1 && reader.layer.keyGenerations.write == 0)
    }

    @Test(arguments: [
        ([[UInt8]()], [UInt8(0)], "no content type"),  // inner plaintext all zero: no content type
        ([[24, 0, 0, 1, 0, 23]], [22], "a KeyUpdate not at the end of its record"),
        ([[4, 0, 0, 1, 0]], [22], "a handshake message of type 4 after the handshake"),  // a NewSessionTicket to a server
        ([[20, 0, 0, 0]], [22], "a handshake message of type 20 after the handshake"),  // Finished
        ([[24, 0], [1]], [22, 23], "an unexpected record of content type 23"),  // data inside a handshake message
        ([[]], [22], "an unexpected record of content type 22"),  // an empty handshake record
        ([[1, 0, 0]], [21], "an unexpected record of content type 21"),  // an alert of 3 bytes
        ([[24, 0, 0, 1, 7]], [22], "illegal parameter: a KeyUpdate with request 7"),
    ]) func aMalformedMessageFailsWithTheRightAlert(contents: [[UInt8]], types: [UInt8], reason: String) throws {
        var reader = try makeReader()
        let peer = try #require(RecordProtection(suite: suite, secret: clientSecret, sealing: true))
        var records = ByteBuffer()
        for (content, type) in zip(contents, types) { records.writeBuffer(seal(content, type: type, with: peer)) }
        var plaintext = ByteBuffer()
        let outcome = reader.layer.open(&records, into: &plaintext, replies: reader.buffers)
        guard case .failed(let error) = outcome else {
            Issue.record("not failed: \(outcome)")
            return
        }
        #expect(error.reason.contains(reason), "\(error.reason)")
        #expect(plaintext.readableBytes == 0)
        #expect(reader.buffers.hasOutbound)  // the alert
        #expect(reader.layer.writeClosed)
    }

    @Test func thePeersFatalAlertFailsWithItsNameAndIsNotAnswered() throws {
        var reader = try makeReader()
        let peer = try #require(RecordProtection(suite: suite, secret: clientSecret, sealing: true))
        var records = seal([2, 48], type: 21, with: peer)  // unknown_ca
        var plaintext = ByteBuffer()
        #expect(reader.layer.open(&records, into: &plaintext, replies: reader.buffers) == .failed(TLSError("TLS failed: tlsv1 alert unknown ca")))
        #expect(!reader.buffers.hasOutbound)
    }

    // MARK: Helpers

    private func makeReader() throws -> (layer: TLS13RecordLayer, buffers: CiphertextBuffers) {
        let layer = try #require(
            TLS13RecordLayer(suite: suite, clientSecret: clientSecret, serverSecret: serverSecret, role: .server, recordsPerKey: 1 << 24))
        return (layer, CiphertextBuffers())
    }

    private func seal(_ content: [UInt8], type: UInt8, with peer: RecordProtection) -> ByteBuffer {
        var record = ByteBuffer(capacity: content.count + TLS13RecordLayer.overhead)
        _ = record.writeWithUnsafeMutableBytes(minimumWritable: content.count + TLS13RecordLayer.overhead) { space in
            content.withUnsafeBytes { peer.seal($0, type: type, into: space.baseAddress!)! }
        }
        return record
    }

    private static func secret(_ byte: UInt8) -> SecretBytes {
        let secret = SecretBytes(count: 32)
        for index in 0..<32 { secret.bytes[index] = byte &+ UInt8(index) }
        return secret
    }
}
