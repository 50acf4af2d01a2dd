/// The limits of an `HTTPServer`; the defaults suit a metrics endpoint scraped every few seconds.
public struct HTTPServerConfiguration: Sendable {
    /// Where to listen, "host:port"; port 0 picks a free port.
    public var address: String
    /// The largest request head (request line and headers); more gets 431 and the connection closes.
    public var maxHeadBytes = 8 * 1024
    /// A connection must deliver its whole request head within this, or it gets 408 and is
    /// closed: a client trickling bytes (slowloris) holds a connection no longer.
    public var requestTimeout: Duration = .seconds(5)
    /// The most connections open at once; one more gets 503 and is closed.
    public var maxConnections = 64

    /// Listens on `address` with the default limits.
    public init(address: String) { self.address = address }
}
