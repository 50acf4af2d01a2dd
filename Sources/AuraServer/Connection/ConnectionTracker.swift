import Synchronization

/// The server's open connections, so a shutdown can reach every one of them from any thread.
final class ConnectionTracker: Sendable {
    private let connections = Mutex<[ObjectIdentifier: ServerConnection]>([:])

    func add(_ connection: ServerConnection) {
        connections.withLock { $0[ObjectIdentifier(connection)] = connection }
    }

    func remove(_ connection: ServerConnection) {
        connections.withLock { $0[ObjectIdentifier(connection)] = nil }
    }

    /// The connections open now.
    var all: [ServerConnection] { connections.withLock { Array($0.values) } }

    /// How many connections are open.
    var count: Int { connections.withLock { $0.count } }
}
