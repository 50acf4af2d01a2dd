import AuraBytes
import AuraTLS
import TestSupport

/// A client and a server session wired back to back in memory: `exchange()` carries
/// ciphertext between them until neither has any left, collecting each side's plaintext.
struct SessionPair {
    let client: TLSSession
    let server: TLSSession
    var clientReceived = ByteBuffer()
    var serverReceived = ByteBuffer()

    init(server: TLSServerConfiguration, client: TLSClientConfiguration, peerName: String? = "127.0.0.1") throws {
        self.server = try TLSContext(server: server).makeSession()
        self.client = try TLSContext(client: client).makeSession(peerName: peerName)
    }

    init(server: TLSSession, client: TLSSession) {
        self.server = server
        self.client = client
    }

    /// Starts the client's handshake and carries bytes until both sides are quiet.
    mutating func handshake() {
        client.start()
        exchange()
    }

    /// Carries ciphertext both ways until neither side has any to send.
    mutating func exchange() {
        var rounds = 0
        while rounds < 100 {
            rounds += 1
            let toServer = client.takeCiphertext()
            let toClient = server.takeCiphertext()
            if toServer == nil && toClient == nil { return }
            if var bytes = toServer { server.receive(&bytes, into: &serverReceived) }
            if var bytes = toClient { client.receive(&bytes, into: &clientReceived) }
        }
    }
}

extension TestCertificates {
    /// The server configuration for the trusted server certificate.
    var server: TLSServerConfiguration { TLSServerConfiguration(certificateChainPath: serverCertificate, privateKeyPath: serverKey) }
    /// A client that trusts the test CA.
    var trustingClient: TLSClientConfiguration { TLSClientConfiguration(caPath: caCertificate) }
}

extension TLSState {
    /// The failure's reason, or "" when the state is not `.failed`.
    var failureReason: String {
        if case .failed(let error) = self { return error.reason }
        return ""
    }

    var isOpen: Bool {
        if case .open = self { return true }
        return false
    }
}
