import AuraEventLoop
import AuraPosix
import AuraWire

/// A client's connections, one `Connector` each, and the round robin over them
/// (`BalancerState`). Addresses given by name are resolved on first use, one connection per
/// address the name has (every A record), so a DNS name of several servers spreads too.
/// Loop-bound, as its connectors.
final class Balancer: Sendable {
    private struct State {
        var phase: Phase = .unresolved
        var balancing: BalancerState?
        var connectors: [Connector] = []
    }

    private enum Phase {
        case unresolved
        case resolving(Task<[ResolvedAddress], any Error>)
        case resolved
    }

    private let addresses: [String]
    private let configuration: ClientConfiguration
    private let loop: EventLoop
    private let state: LoopBound<State>

    /// Connections to `addresses` ("host:port" each), `configuration.connectionsPerAddress` to each.
    init(addresses: [String], configuration: ClientConfiguration, loop: EventLoop) {
        self.addresses = addresses
        self.configuration = configuration
        self.loop = loop
        state = LoopBound(State(), eventLoop: loop)
    }

    /// Opens a call on the next connection in turn; a connection that cannot open it is taken
    /// out and the call tries the next, each connection at most once (the interceptors see
    /// each attempt as a call of its own). Runs on the loop, as its caller.
    nonisolated(nonsending) func openCall(method: String, options: CallOptions) async throws -> ClientCall {
        let connectors = try await resolvedConnectors()
        if connectors.count == 1 { return try await connectors[0].openCall(method: method, options: options) }
        var lastError: RPCError?
        for _ in connectors.indices {
            let index = state.value.balancing!.pick(now: .now)
            do {
                let call = try await connectors[index].openCall(method: method, options: options)
                state.value.balancing!.succeeded(index)
                return call
            } catch let error as RPCError where error.code == .unavailable {
                state.value.balancing!.failed(index, now: .now)
                lastError = error
            }
        }
        throw lastError!
    }

    /// `openCall` without waiting, for a client of one resolved connection that can take the
    /// call now; nil, having done nothing, otherwise.
    func openCallNow(method: String, options: CallOptions) throws -> ClientCall? {
        guard case .resolved = state.value.phase, state.value.connectors.count == 1 else { return nil }
        return try state.value.connectors[0].openCallNow(method: method, options: options)
    }

    /// Each connection's standing (for tests).
    var endpoints: [BalancerState.Endpoint] { state.value.balancing?.endpoints ?? [] }

    /// Whether a connection is open and takes new calls.
    var hasUsableConnection: Bool { state.value.connectors.contains { $0.hasUsableConnection } }

    /// How many calls wait for a free stream, over every connection.
    var slotWaiterCount: Int { state.value.connectors.reduce(0) { $0 + $1.slotWaiterCount } }

    /// Closes every connection.
    func close() {
        for connector in state.value.connectors { connector.close() }
    }

    private nonisolated(nonsending) func resolvedConnectors() async throws -> [Connector] {
        switch state.value.phase {
        case .resolved:
            return state.value.connectors
        case .resolving(let task):
            install(try await task.value)
            return state.value.connectors
        case .unresolved where addresses.allSatisfy({ SocketAddress.isNumeric(host: Connector.host(of: $0)) }):
            install(try ResolvedAddress.resolve(addresses))  // numeric: no lookup, nothing blocks
            return state.value.connectors
        case .unresolved:
            let task = Task.detached { [addresses] in try ResolvedAddress.resolve(addresses) }  // getaddrinfo may block: off the loop
            state.value.phase = .resolving(task)
            do {
                install(try await task.value)
            } catch {
                state.value.phase = .unresolved
                throw error
            }
            return state.value.connectors
        }
    }

    /// Makes the connectors, once (the first of the callers that waited for a lookup).
    private func install(_ resolved: [ResolvedAddress]) {
        guard state.value.balancing == nil else { return }
        var perConnector = configuration
        if resolved.count * configuration.connectionsPerAddress > 1 { perConnector.connectAttempts = 1 }  // the next connection is the retry
        let connectors = resolved.flatMap { address in
            (0..<configuration.connectionsPerAddress).map { _ in
                Connector(address: address.address, peerName: address.peerName, configuration: perConnector, loop: loop)
            }
        }
        state.value.connectors = connectors
        state.value.balancing = BalancerState(count: connectors.count, baseBackoff: configuration.reconnectBackoff, maxBackoff: configuration.maxReconnectBackoff)
        state.value.phase = .resolved
    }
}

/// One address to connect to, and the name its server's certificate carries.
struct ResolvedAddress: Sendable, Equatable {
    /// "host:port", numeric when it came from a name.
    var address: String
    /// The host name the address was given by (for TLS), nil for a numeric one.
    var peerName: String?

    /// Each of `addresses`, a name replaced by every address it resolves to (its IPv4 ones
    /// when it has any); UNAVAILABLE when a name does not resolve.
    static func resolve(_ addresses: [String]) throws(RPCError) -> [ResolvedAddress] {
        var resolved: [ResolvedAddress] = []
        for address in addresses {
            let host = Connector.host(of: address)
            guard let port = address.split(separator: ":").last.flatMap({ Int($0) }), !SocketAddress.isNumeric(host: host) else {
                resolved.append(ResolvedAddress(address: address, peerName: nil))
                continue
            }
            do {
                let all = try SocketAddress.resolveAll(host: host, port: port)
                let preferred = all.contains { $0.family == .ipv4 } ? all.filter { $0.family == .ipv4 } : all  // as SocketAddress.resolve
                for found in preferred {
                    resolved.append(ResolvedAddress(address: found.description, peerName: host))
                }
            } catch {
                throw RPCError(.unavailable, "cannot connect to \(address): \(error)")
            }
        }
        return resolved
    }
}
