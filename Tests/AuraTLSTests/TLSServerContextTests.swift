import AuraBytes
import AuraTLS
import Foundation
import Testing
import TestSupport

@Suite struct TLSServerContextTests {
    @Test func reloadServesTheNewCertificateWhileOldSessionsGoOn() async throws {
        let certificates = try await TestCertificates.shared()
        // The context reads files at fixed paths: copy the first certificate there.
        let directory = certificates.directory + "/reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificate = directory + "/cert.pem", key = directory + "/key.pem"
        try FileManager.default.copyItem(atPath: certificates.serverCertificate, toPath: certificate)
        try FileManager.default.copyItem(atPath: certificates.serverKey, toPath: key)
        let context = try TLSServerContext(configuration: TLSServerConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        let clientContext = try TLSContext(client: certificates.trustingClient)

        var before = SessionPair(server: context.makeSession(), client: clientContext.makeSession(peerName: "127.0.0.1"))
        before.handshake()
        #expect(subject(of: before.client)?.contains("aura-test-server") == true)

        try FileManager.default.removeItem(atPath: certificate)
        try FileManager.default.removeItem(atPath: key)
        try FileManager.default.copyItem(atPath: certificates.renewedCertificate, toPath: certificate)
        try FileManager.default.copyItem(atPath: certificates.renewedKey, toPath: key)
        try context.reload()

        var after = SessionPair(server: context.makeSession(), client: clientContext.makeSession(peerName: "127.0.0.1"))
        after.handshake()
        #expect(subject(of: after.client)?.contains("renewed") == true)

        before.client.send(ByteBuffer(bytes: [42]))
        before.exchange()
        #expect(before.serverReceived.readableBytesArray == [42])
    }

    @Test func failedReloadKeepsTheContextInUse() async throws {
        let certificates = try await TestCertificates.shared()
        let directory = certificates.directory + "/reload-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let certificate = directory + "/cert.pem", key = directory + "/key.pem"
        try FileManager.default.copyItem(atPath: certificates.serverCertificate, toPath: certificate)
        try FileManager.default.copyItem(atPath: certificates.serverKey, toPath: key)
        let context = try TLSServerContext(configuration: TLSServerConfiguration(certificateChainPath: certificate, privateKeyPath: key))
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: key))

        #expect(throws: TLSError.self) { try context.reload() }
        var pair = SessionPair(server: context.makeSession(), client: try TLSContext(client: certificates.trustingClient).makeSession(peerName: "127.0.0.1"))
        pair.handshake()
        #expect(pair.client.state.isOpen)
    }

    private func subject(of session: TLSSession) -> String? {
        if case .open(let parameters) = session.state { return parameters.peerSubject }
        return nil
    }
}
