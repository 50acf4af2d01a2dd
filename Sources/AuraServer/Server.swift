import AuraEventLoop
import AuraWire

/// An AuraRPC server: listens, accepts connections on its event loops and runs the registered
/// services' handlers.
///
/// ```
/// let server = Server(configuration: config, services: [HealthService(...)])
/// try server.start()
/// await server.shutdown()
/// ```
public final class Server: Sendable {
    /// The configuration it was created with.
    public let configuration: ServerConfiguration
    /// The registered methods.
    public let registry: MethodRegistry
    let group: EventLoopGroup
    private let tracker: ConnectionTracker
    /// What the connections hold for their peers, against `configuration.memoryBudget`.
    public let memoryBudget: MemoryBudget
    private let heapTrimmer = HeapTrimmer()
    private let listener: Mutex<Listener?> = Mutex(nil)

    /// Creates a server for `services`; nothing listens until `start()`.
    public init(configuration: ServerConfiguration, services: [any Service]) {
        self.configuration = configuration
        var registry = MethodRegistry()
        for service in services { registry.add(service) }
        self.registry = registry
        tracker = ConnectionTracker(limits: ConnectionLimits(configuration: configuration))
        memoryBudget = MemoryBudget(
            limit: configuration.memoryBudget,
            connectionShare: max(configuration.connectionMemoryShare, 2 * Int(configuration.settings.maxMessageSize)))
        group = EventLoopGroup(loopCount: configuration.loopCount)
    }

    /// Binds the address and starts accepting connections.
    public func start() throws {
        let registry = registry, configuration = configuration, tracker = tracker
        let budget = memoryBudget, trimmer = heapTrimmer
        let bound = try Listener.bind(configuration.address, group: group) { channel in
            ServerConnection(channel: channel, registry: registry, configuration: configuration, tracker: tracker, budget: budget, trimmer: trimmer)
        }
        listener.withLock { $0 = bound }
    }

    /// The port it listens on (useful with port 0).
    public var port: Int { listener.withLock { $0?.port ?? 0 } }

    /// How many times freed memory was given back to the kernel after a heavy connection closed.
    public var heapTrimCount: Int { heapTrimmer.trims }

    /// The number of open connections.
    public var connectionCount: Int { tracker.count }

    /// Stops gracefully: stops accepting, sends GOAWAY on every connection, lets calls in
    /// flight finish for up to `gracePeriod` (the configured one by default), then cancels what
    /// remains and stops the event loops.
    public func shutdown(gracePeriod: Duration? = nil) async {
        if let listener = listener.withLock({ $0 }) {
            listener.close()
            await listener.waitUntilClosed()
        }
        for connection in tracker.all {
            connection.channel.eventLoop.execute { connection.beginShutdown(reason: "server shutting down") }
        }
        let deadline = ContinuousClock.now + (gracePeriod ?? configuration.shutdownGracePeriod)
        if await !tracker.waitUntilEmpty(before: deadline) {
            for connection in tracker.all {
                connection.channel.eventLoop.execute { connection.forceClose() }
            }
            _ = await tracker.waitUntilEmpty(before: deadline + .seconds(1))
        }
        await group.shutdownGracefully()
    }
}

import Synchronization
