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
    /// The wait between connection attempts (doubling each time); with several connections,
    /// also how long a connection whose address failed is first taken out of the round robin.
    public var reconnectBackoff: Duration = .milliseconds(50)
    /// The longest a connection whose address keeps failing is taken out of the round robin.
    public var maxReconnectBackoff: Duration = .seconds(30)
    /// How many connections the client opens to each address (resolved address, for a name),
    /// calls spread over all of them in turn: behind an L4 load balancer, which balances
    /// connections and not calls, several connections reach several servers (docs/SCALING.md).
    public var connectionsPerAddress = 1 {
        didSet { precondition(connectionsPerAddress >= 1, "connectionsPerAddress must be at least 1") }
    }
    /// When set, the client speaks TLS and checks the server's certificate (docs/TLS.md); nil
    /// (the default): plaintext.
    public var tls: TLSClientConfiguration?
    /// Run around every call, in order (see `ClientInterceptor`). None by default; an empty
    /// chain costs nothing per call.
    public var interceptors: [any ClientInterceptor] = []
    /// The API key (a token `aura_<id>_<secret>`, docs/KEYS.md) sent with every call as
    /// metadata `authorization: Bearer <key>`, unless the call's own metadata has an
    /// `authorization` entry; nil sends none.
    public var apiKey: String? {
        didSet { authorization = apiKey.map { ["authorization": "Bearer \($0)"] } }
    }
    /// `apiKey` as metadata, made once so that calls without metadata of their own share it.
    private var authorization: Metadata?

    /// The defaults.
    public init() {}

    /// `options` with the API key added to their metadata, unless they carry one.
    func authorized(_ options: CallOptions) -> CallOptions {
        guard let authorization, options.metadata.first("authorization") == nil else { return options }
        var options = options
        if options.metadata.isEmpty {
            options.metadata = authorization
        } else {
            options.metadata.add("authorization", "Bearer \(apiKey!)")
        }
        return options
    }
}
