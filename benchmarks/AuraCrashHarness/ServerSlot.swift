import AuraClient

/// The server of the moment and one client connection per harness client. Between a kill and
/// the next start the slot is empty and clients wait here for the next generation.
actor ServerSlot {
    private var generation = 0
    private var clients: [AuraClient]?
    private var waiters: [CheckedContinuation<Void, Never>] = []

    /// Client `index` of the current server and its generation, waiting until there is a
    /// server newer than `after`.
    func client(_ index: Int, after: Int = -1) async -> (client: AuraClient, generation: Int) {
        while true {
            if let clients, generation > after { return (clients[index], generation) }
            await withCheckedContinuation { waiters.append($0) }
        }
    }

    /// Whether `generation` is still the server that is up.
    func isCurrent(_ generation: Int) -> Bool { clients != nil && generation == self.generation }

    /// A new server is up, reached through `clients`.
    func up(_ clients: [AuraClient]) {
        generation += 1
        self.clients = clients
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume() }
    }

    /// The server is about to be killed: clients that fail from now on wait for the next one.
    /// Returns the clients of the server that goes, to shut down.
    func down() -> [AuraClient] {
        defer { clients = nil }
        return clients ?? []
    }
}

/// A flag set once, seen by every task.
final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .relaxed) }
    var isSet: Bool { value.load(ordering: .relaxed) }
}

import Synchronization
