import AuraEventLoop
import Synchronization

/// A small HTTP/1.1 server for operators' endpoints (`/metrics`, `/healthz`, a dashboard): one
/// request per connection, GET only, answered by a route table, on one event loop of its own
/// so that it never takes time from the RPC loops. Hardened for the open network: a bounded
/// request head, a deadline for it, a cap on connections.
///
/// ```
/// let server = try HTTPServer(configuration: HTTPServerConfiguration(address: "127.0.0.1:9464"),
///                             routes: ["/metrics": { _ in .ok(render()) }])
/// await server.shutdown()
/// ```
public final class HTTPServer: Sendable {
    /// Answers a request; runs on the server's loop thread, so it must not block for long.
    public typealias Route = @Sendable (HTTPRequest) -> HTTPResponse

    /// The bound port (the real one when port 0 was asked for).
    public let port: Int
    private let group: EventLoopGroup
    private let listener: Listener

    /// Binds `configuration.address` and serves `routes` (by exact path); other paths get 404.
    public init(configuration: HTTPServerConfiguration, routes: [String: Route]) throws {
        let group = EventLoopGroup(loopCount: 1)
        let counter = ConnectionCounter()
        do {
            listener = try Listener.bind(configuration.address, group: group) { channel in
                HTTPConnection(channel: channel, configuration: configuration, routes: routes, counter: counter)
            }
        } catch {
            group.shutdown()
            throw error
        }
        self.group = group
        port = listener.port
    }

    /// Stops listening and stops the loop (closing open connections).
    public func shutdown() async {
        listener.close()
        await listener.waitUntilClosed()
        await group.shutdownGracefully()
    }
}

/// How many connections are open, shared by the connections of one server.
final class ConnectionCounter: Sendable {
    private let open = Atomic<Int>(0)

    /// Counts one more and returns whether it fits under `limit`; a connection that does not
    /// fit is still counted, and `release()`d when it closes.
    func acquire(limit: Int) -> Bool { open.wrappingAdd(1, ordering: .relaxed).newValue <= limit }

    func release() { open.wrappingSubtract(1, ordering: .relaxed) }
}
