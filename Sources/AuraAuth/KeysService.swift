import AuraMessages
import AuraPosix
import AuraServer
import AuraWire

/// `aura.Keys`: create, list and revoke API keys and set their limits on a running server
/// (`AuthInterceptor` lets only keys with the admin scope in). Changes are written to the keys
/// file on a thread of their own, never on an event loop, and apply from the next call on.
public struct KeysService: Service {
    public let name = "aura.Keys"
    let store: KeyStore

    /// Serves the keys in `store`.
    public init(store: KeyStore) { self.store = store }

    public func register(into methods: inout MethodRegistry) {
        let store = store
        let changes = SerialQueue(name: "aura-keys")
        /// Runs `body` on the changes thread.
        @Sendable func change<T: Sendable>(_ body: @escaping @Sendable () throws(KeyError) -> T) async throws -> T {
            try await withCheckedThrowingContinuation { continuation in
                changes.async {
                    continuation.resume(with: Result { () throws(RPCError) in try answering(body) })
                }
            }
        }
        methods.unary("aura.Keys/List") { (_: Empty, _) in
            KeyList(keys: store.list().map(KeyInfo.init))
        }
        methods.unary("aura.Keys/Create") { (request: CreateKeyRequest, _) in
            let (scopes, limit) = try answering { () throws(KeyError) in
                let names = request.scopes.isEmpty ? [Scope.analyze.rawValue] : request.scopes
                return (ScopeSet(try names.map { name throws(KeyError) in try Scope.named(name) }),
                        try RateLimit(ratePerSecond: request.ratePerSecond, burst: request.burst))
            }
            return try await change { () throws(KeyError) in
                let (record, token) = try store.create(scopes: scopes, limit: limit)
                return CreatedKey(key: KeyInfo(record), token: token.text)
            }
        }
        methods.unary("aura.Keys/Revoke") { (request: KeyRef, _) in
            let id = try answering { () throws(KeyError) in try KeyID(parsing: request.id) }
            return try await change { () throws(KeyError) in KeyInfo(try store.revoke(id)) }
        }
        methods.unary("aura.Keys/SetLimit") { (request: SetKeyLimitRequest, _) in
            let (id, limit) = try answering { () throws(KeyError) in
                (try KeyID(parsing: request.id), try RateLimit(ratePerSecond: request.ratePerSecond, burst: request.burst))
            }
            return try await change { () throws(KeyError) in KeyInfo(try store.setLimit(id, to: limit)) }
        }
    }
}

/// `body`'s result, or its key error as the status the client gets.
private func answering<T>(_ body: () throws(KeyError) -> T) throws(RPCError) -> T {
    do throws(KeyError) { return try body() } catch { throw RPCError(error) }
}

extension RPCError {
    /// The status a key error answers with.
    init(_ error: KeyError) {
        switch error {
        case .invalid(let message): self.init(.invalidArgument, message)
        case .notFound: self.init(.notFound, error.description)
        case .badFile: self.init(.internal, error.description)
        }
    }
}

extension KeyID {
    /// The id in `text`, or INVALID_ARGUMENT.
    init(parsing text: String) throws(KeyError) {
        guard let id = KeyID(text) else { throw .invalid("a key id is 16 hex digits, got \"\(text)\"") }
        self = id
    }
}

extension KeyInfo {
    init(_ record: KeyRecord) {
        self.init()
        id = record.id.text
        scopes = record.scopes.scopes.map(\.rawValue)
        ratePerSecond = record.limit.ratePerSecond
        burst = record.limit.burst
        enabled = record.enabled
        createdUnixMs = record.createdUnixMillis
    }
}
