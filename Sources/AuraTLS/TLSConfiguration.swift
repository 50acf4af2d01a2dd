/// What a server presents, and whom it lets in.
public struct TLSServerConfiguration: Sendable, Equatable {
    /// The server's certificate followed by any intermediates, PEM.
    public var certificateChainPath: String
    /// The certificate's private key, PEM (unencrypted).
    public var privateKeyPath: String
    /// When set, clients must present a certificate signed by a CA in this PEM file (mutual
    /// TLS); a client without one is refused during the handshake.
    public var clientCAPath: String?
    /// When true (the default), once OpenSSL has done a TLS 1.3 handshake with an AES-GCM suite,
    /// the session seals and opens records itself (`TLS13RecordLayer`) without OpenSSL's copies;
    /// TLS 1.2, ChaCha20, handshakes and certificates stay with OpenSSL either way.
    public var ownTLS13RecordLayer: Bool

    /// A configuration from PEM files; `clientCAPath` turns on client-certificate checks.
    public init(certificateChainPath: String, privateKeyPath: String, clientCAPath: String? = nil, ownTLS13RecordLayer: Bool = true) {
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.clientCAPath = clientCAPath
        self.ownTLS13RecordLayer = ownTLS13RecordLayer
    }
}

/// What a client trusts, and what it presents when the server asks.
public struct TLSClientConfiguration: Sendable, Equatable {
    /// The CA certificates (PEM) the server's certificate must chain to; nil: the system's.
    public var caPath: String?
    /// The client's certificate (PEM), for servers that require one (mutual TLS).
    public var certificatePath: String?
    /// The client certificate's private key (PEM).
    public var privateKeyPath: String?
    /// The name (or IP address) the server's certificate must carry; nil: the host of the
    /// address connected to. A DNS name is also sent as SNI.
    public var serverName: String?
    /// When true (the default), once OpenSSL has done a TLS 1.3 handshake with an AES-GCM suite,
    /// the session seals and opens records itself (`TLS13RecordLayer`) without OpenSSL's copies;
    /// TLS 1.2, ChaCha20, handshakes and certificates stay with OpenSSL either way.
    public var ownTLS13RecordLayer: Bool

    /// A configuration; every field is optional (the defaults trust the system's CAs).
    public init(
        caPath: String? = nil, certificatePath: String? = nil, privateKeyPath: String? = nil, serverName: String? = nil,
        ownTLS13RecordLayer: Bool = true
    ) {
        self.caPath = caPath
        self.certificatePath = certificatePath
        self.privateKeyPath = privateKeyPath
        self.serverName = serverName
        self.ownTLS13RecordLayer = ownTLS13RecordLayer
    }
}
