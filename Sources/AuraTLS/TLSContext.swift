import CAuraOpenSSL
import CSSL
import Glibc

/// An OpenSSL `SSL_CTX`: certificates, keys and trust, shared by the sessions made from it.
/// Immutable once built, so any thread may make sessions; a session keeps its context alive.
public final class TLSContext: @unchecked Sendable {  // SSL_CTX is thread-safe once configured, and never changed after init
    /// Which side of the handshake its sessions take.
    public enum Role: Sendable { case client, server }

    /// Which side of the handshake its sessions take.
    public let role: Role
    /// Whether its TLS 1.3 AES-GCM sessions use `TLS13RecordLayer` after the handshake.
    let ownTLS13RecordLayer: Bool
    let pointer: OpaquePointer

    /// A server context: the certificate chain and key, and, with a client CA, mutual TLS.
    /// Throws `TLSError` naming the file and OpenSSL's reason when one does not load.
    public init(server configuration: TLSServerConfiguration) throws(TLSError) {
        role = .server
        try Self.loadOpenSSL()
        ownTLS13RecordLayer = configuration.ownTLS13RecordLayer
        pointer = try Self.makeContext(method: TLS_server_method(), ownTLS13RecordLayer: ownTLS13RecordLayer) { pointer throws(TLSError) in
            try Self.check(
                SSL_CTX_use_certificate_chain_file(pointer, configuration.certificateChainPath),
                "cannot load the certificate chain \(configuration.certificateChainPath)")
            try Self.check(
                SSL_CTX_use_PrivateKey_file(pointer, configuration.privateKeyPath, SSL_FILETYPE_PEM),
                "cannot load the private key \(configuration.privateKeyPath)")
            try Self.check(SSL_CTX_check_private_key(pointer), "the private key does not match the certificate")
            try Self.check(SSL_CTX_set_session_id_context(pointer, "aura", 4), "cannot set the session id context")
            if let caPath = configuration.clientCAPath {
                try Self.check(SSL_CTX_load_verify_locations(pointer, caPath, nil), "cannot load the client CA file \(caPath)")
                guard let names = SSL_load_client_CA_file(caPath) else { throw TLSError.drainingQueue("no CA certificate in \(caPath)") }
                SSL_CTX_set_client_CA_list(pointer, names)
                SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
            }
        }
    }

    /// A client context: the CAs it trusts (the system's by default) and an optional client
    /// certificate. Throws `TLSError` naming the file that does not load.
    public init(client configuration: TLSClientConfiguration) throws(TLSError) {
        role = .client
        try Self.loadOpenSSL()
        ownTLS13RecordLayer = configuration.ownTLS13RecordLayer
        pointer = try Self.makeContext(method: TLS_client_method(), ownTLS13RecordLayer: ownTLS13RecordLayer) { pointer throws(TLSError) in
            if let caPath = configuration.caPath {
                try Self.check(SSL_CTX_load_verify_locations(pointer, caPath, nil), "cannot load the CA file \(caPath)")
            } else {
                try Self.check(SSL_CTX_set_default_verify_paths(pointer), "cannot load the system's CA certificates")
            }
            SSL_CTX_set_verify(pointer, SSL_VERIFY_PEER, nil)
            if let certificatePath = configuration.certificatePath {
                try Self.check(
                    SSL_CTX_use_certificate_chain_file(pointer, certificatePath), "cannot load the client certificate \(certificatePath)")
                let keyPath = configuration.privateKeyPath ?? certificatePath
                try Self.check(SSL_CTX_use_PrivateKey_file(pointer, keyPath, SSL_FILETYPE_PEM), "cannot load the client key \(keyPath)")
                try Self.check(SSL_CTX_check_private_key(pointer), "the client key does not match the client certificate")
            } else if configuration.privateKeyPath != nil {
                throw TLSError("a client key needs a client certificate")
            }
        }
    }

    deinit { SSL_CTX_free(pointer) }

    /// A new session from this context; `peerName` (client side) is the name or IP address the
    /// server's certificate must carry.
    public func makeSession(peerName: String? = nil) -> TLSSession {
        TLSSession(context: self, peerName: peerName)
    }

    /// The TLS 1.3 suites in order of preference: AES-128-GCM first, the cheapest with AES-NI
    /// (`openssl speed -evp` here: about 10% more bytes per second than AES-256-GCM) and the
    /// one suite every TLS 1.3 implementation must support. OpenSSL's default puts AES-256 first.
    static let cipherSuites = "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"

    /// A new `SSL_CTX` for `method`, TLS 1.2 at least, AES-128-GCM preferred, set up by
    /// `configure`; freed again if that throws. With our own record layer, OpenSSL reports the
    /// traffic secrets (`KeyLogCapture`), and a server sends no session tickets: they would go
    /// out under the application keys before the layer takes over (and nothing here resumes
    /// sessions).
    private static func makeContext(
        method: OpaquePointer?, ownTLS13RecordLayer: Bool, _ configure: (OpaquePointer) throws(TLSError) -> Void
    ) throws(TLSError) -> OpaquePointer {
        guard let context = SSL_CTX_new(method) else { throw TLSError.drainingQueue("cannot create a TLS context") }
        do throws(TLSError) {
            try check(aura_ssl_ctx_set_min_proto_version(context, TLS1_2_VERSION), "cannot require TLS 1.2")
            try check(SSL_CTX_set_ciphersuites(context, cipherSuites), "cannot set the TLS 1.3 cipher suites")
            _ = SSL_CTX_set_options(context, aura_ssl_op_cipher_server_preference())  // a server picks by the order below
            if ownTLS13RecordLayer {
                KeyLogCapture.install(on: context)
                try check(SSL_CTX_set_num_tickets(context, 0), "cannot turn off session tickets")
            }
            try configure(context)
        } catch {
            SSL_CTX_free(context)
            throw error
        }
        return context
    }

    /// Loads libssl, which the program maps only once it uses TLS (Sources/CAuraOpenSSL).
    private static func loadOpenSSL() throws(TLSError) {
        if let failure = aura_openssl_load(1) { throw TLSError(String(cString: failure)) }
    }

    private static func check(_ result: Int32, _ what: String) throws(TLSError) {
        guard result == 1 else { throw TLSError.drainingQueue(what) }
    }
}
