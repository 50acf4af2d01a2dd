/// How many connections a server holds at once, in all and from one peer host; past either,
/// a new connection gets GOAWAY RESOURCE_EXHAUSTED and is closed.
struct ConnectionLimits: Sendable {
    /// The most open connections.
    let total: Int
    /// The most open connections from one host (IP address).
    let perHost: Int

    init(configuration: ServerConfiguration) {
        total = configuration.maxConnections
        perHost = configuration.maxConnectionsPerAddress
    }

    init(total: Int, perHost: Int) {
        self.total = total
        self.perHost = perHost
    }

    /// Why one more connection from `host` is refused when `open` are open, `openFromHost` of
    /// them from `host`; nil when it is welcome.
    func refusal(open: Int, openFromHost: Int, host: String) -> String? {
        if open >= total {
            return "too many connections: the server holds its limit of \(total) (--max-connections); retry later"
        }
        if openFromHost >= perHost {
            return "too many connections from \(host): the limit per address is \(perHost) (--max-connections-per-address); close some or retry later"
        }
        return nil
    }
}
