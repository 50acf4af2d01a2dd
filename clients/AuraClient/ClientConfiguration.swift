import AuraTLS
import AuraWire

/// How a client connects.
public struct ClientConfiguration: Sendable {
    /// The limits announced to the server (frames of up to 256 KiB, as the server's).
    public var settings = Settings.aura
    /// How long a connection attempt may take.
    public var connectTimeout: Duration = .seconds(5)
    /// How many times a call that found no connection tries to connect before failing.
    public var connectAttempts = 3
    /// The wait between connection attempts (doubling each time).
    public var reconnectBackoff: Duration = .milliseconds(50)
    /// When set, the client speaks TLS and checks the server's certificate (docs/TLS.md); nil
    /// (the default): plaintext.
    public var tls: TLSClientConfiguration?
    /// Run around every call, in order (see `ClientInterceptor`). None by default; an empty
    /// chain costs nothing per call.
    public var interceptors: [any ClientInterceptor] = []

    /// The defaults.
    public init() {}
}
