import AuraPosix
import AuraTLS
import AuraWire

/// Everything a server can be told, with defaults that work.
public struct ServerConfiguration: Sendable {
    /// Where to listen, "host:port"; port 0 picks a free port.
    public var address: String = "127.0.0.1:7443"
    /// When set, every connection speaks TLS with this context (docs/TLS.md); its `reload()`
    /// switches certificates for new handshakes. Nil (the default): plaintext.
    public var tls: TLSServerContext?
    /// How many event loops (threads) serve connections.
    public var loopCount: Int = System.coreCount
    /// The limits announced to clients: the protocol's defaults, but frames of up to 256 KiB, so
    /// a 64 KiB message with its few bytes of protobuf framing travels as one frame, not two.
    public var settings = Settings.aura
    /// A new connection must send its preface and SETTINGS within this, or it is closed
    /// (GOAWAY DEADLINE_EXCEEDED). See docs/LIMITS.md for every limit.
    public var handshakeTimeout: Duration = .seconds(10)
    /// A frame that has begun to arrive must be complete within this, or the connection is
    /// closed (GOAWAY DEADLINE_EXCEEDED): a peer trickling bytes cannot hold it forever.
    public var frameReadTimeout: Duration = .seconds(30)
    /// A connection silent this long gets a PING.
    public var keepaliveInterval: Duration = .seconds(30)
    /// A PING unanswered this long closes the connection.
    public var keepaliveTimeout: Duration = .seconds(10)
    /// A connection with no call this long is closed (GOAWAY "idle timeout").
    public var idleTimeout: Duration = .seconds(300)
    /// The most connections open at once; one more gets GOAWAY RESOURCE_EXHAUSTED and is closed.
    public var maxConnections = 10_000
    /// The most connections open at once from one IP address; past it, as `maxConnections`.
    public var maxConnectionsPerAddress = 1_000
    /// The most memory all connections together hold for their peers (requests, replies,
    /// decompressed messages) before heavy connections get no new calls: 1 GiB. See `MemoryBudget`.
    public var memoryBudget: Int = 1 << 30
    /// The most one connection holds: past it, its handlers wait for its replies to drain, or
    /// (for requests it holds) it is closed with GOAWAY RESOURCE_EXHAUSTED. 64 MiB, or twice
    /// the largest message if that is more, so two full messages always fit.
    public var connectionMemoryShare: Int = 64 << 20
    /// How long calls in flight may take to finish after a graceful shutdown begins.
    public var shutdownGracePeriod: Duration = .seconds(10)
    /// Run around every call, in order (see `ServerInterceptor`). None by default; an empty
    /// chain costs nothing per call.
    public var interceptors: [any ServerInterceptor] = []
    /// Where the server's own log lines go (a handler's unexpected errors, for one).
    public var logger = ServerLogger.standardError(level: .info)

    /// The defaults.
    public init() {}
}
