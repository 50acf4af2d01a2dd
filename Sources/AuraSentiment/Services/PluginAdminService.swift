import AuraMessages
import AuraPluginHost
import AuraPosix
import AuraServer
import AuraWire

/// `aura.Plugins`: list, load, activate, roll back, pin and unload plugins on a running server.
///
/// Loading a plugin runs its code in the server: the server's `AuthInterceptor` lets only API
/// keys with the admin scope call this service (docs/KEYS.md). Changes run one at a time on a thread of their own, never on an event loop: they read files,
/// `dlopen` and fsync the saved state.
public struct PluginAdminService: Service {
    public let name = "aura.Plugins"
    let registry: PluginRegistry

    /// Creates the service.
    public init(registry: PluginRegistry) {
        self.registry = registry
    }

    public func register(into methods: inout MethodRegistry) {
        let registry = registry
        let changes = SerialQueue(name: "aura-plugin-adm")
        /// Runs `body` on the admin thread.
        @Sendable func change<T: Sendable>(_ body: @escaping @Sendable () throws(RPCError) -> T) async throws -> T {
            try await withCheckedThrowingContinuation { continuation in
                changes.async { continuation.resume(with: Result { () throws(RPCError) in try body() }) }
            }
        }
        methods.unary("aura.Plugins/List") { (_: Empty, _) in
            PluginList(
                plugins: registry.list().map { entry in
                    var info = AuraMessages.PluginInfo(entry)
                    if let plugin = try? registry.plugin(entry.info.kind, id: entry.info.id) { info.stats = AuraMessages.PluginStats(plugin.stats.snapshot) }
                    return info
                },
                pins: registry.pins().sorted { $0.key < $1.key }.map { PluginPin(name: $0.key, version: $0.value) })
        }
        methods.unary("aura.Plugins/Load") { (request: LoadPluginRequest, _) in
            guard !request.path.isEmpty else { throw RPCError(.invalidArgument, "path is empty") }
            guard let isolation = request.isolation.isEmpty ? .inProcess : PluginIsolation(rawValue: request.isolation) else {
                throw RPCError(.invalidArgument, "isolation is \"in-process\", \"process\" or \"inline\", not \"\(request.isolation)\"")
            }
            guard !(request.activate && request.inactive) else { throw RPCError(.invalidArgument, "activate and inactive exclude each other") }
            let activate: Bool? = request.activate ? true : request.inactive ? false : nil
            return try await change { () throws(RPCError) in
                AuraMessages.PluginInfo(try registry.load(path: request.path, config: request.config, activate: activate, replace: request.replace, isolation: isolation))
            }
        }
        methods.unary("aura.Plugins/Activate") { (request: PluginRef, _) in
            try await change { () throws(RPCError) in
                try registry.activate(request.id)
                guard let entry = registry.list().first(where: { $0.info.id == request.id }) else {
                    throw RPCError(.notFound, "no plugin \(request.id) is loaded")
                }
                return AuraMessages.PluginInfo(entry)
            }
        }
        methods.unary("aura.Plugins/Rollback") { (request: RollbackRequest, _) in
            try await change { () throws(RPCError) in AuraMessages.PluginInfo(try registry.rollback(request.target)) }
        }
        methods.unary("aura.Plugins/Pin") { (request: PluginPin, _) in
            try await change { () throws(RPCError) in
                try registry.pin(request.name, to: request.version)
                return Empty()
            }
        }
        methods.unary("aura.Plugins/Unpin") { (request: PluginPin, _) in
            try await change { () throws(RPCError) in
                try registry.unpin(request.name)
                return Empty()
            }
        }
        methods.unary("aura.Plugins/Unload") { (request: PluginRef, _) in
            try await change { () throws(RPCError) in
                try registry.unload(request.id)
                return Empty()
            }
        }
    }
}

/// `aura.DeadLetters`: the most recent failed requests.
public struct DeadLetterService: Service {
    public let name = "aura.DeadLetters"
    let queue: DeadLetterQueue
    let durableLetters: @Sendable (_ limit: Int) -> [AuraMessages.DeadLetter]

    /// Creates the service over the in-memory queue of failed calls and, from `durableLetters`,
    /// the failures kept elsewhere (failed jobs, which survive a restart); newest first.
    public init(queue: DeadLetterQueue, durableLetters: @escaping @Sendable (_ limit: Int) -> [AuraMessages.DeadLetter] = { _ in [] }) {
        self.queue = queue
        self.durableLetters = durableLetters
    }

    public func register(into methods: inout MethodRegistry) {
        let queue = queue, durableLetters = durableLetters
        methods.unary("aura.DeadLetters/List") { (request: ListDeadLettersRequest, _) in
            let limit = Int(request.limit)
            let letters = (queue.list(limit: limit).map(AuraMessages.DeadLetter.init) + durableLetters(limit))
                .sorted { $0.timeUnixMs > $1.timeUnixMs }
            return DeadLetterList(letters: limit == 0 ? letters : Array(letters.prefix(limit)))
        }
    }
}

extension AuraMessages.PluginInfo {
    init(_ entry: PluginRegistry.Entry) {
        self.init()
        id = entry.info.id
        kind = entry.info.kind.name
        name = entry.info.name
        version = entry.info.version
        languages = entry.info.languages
        path = entry.info.path
        abi = entry.info.abi
        active = entry.isActive
        isolation = entry.info.isolation.rawValue
        status = entry.unavailableReason.map { "UNAVAILABLE: \($0)" } ?? "AVAILABLE"
        sha256 = entry.info.sha256
    }
}

extension AuraMessages.PluginStats {
    init(_ snapshot: AuraPluginHost.PluginStats.Snapshot) {
        self.init(
            calls: snapshot.calls, failures: snapshot.failures, timeouts: snapshot.timeouts, crashes: snapshot.crashes,
            rejected: snapshot.rejected, p50Micros: snapshot.p50Micros, p99Micros: snapshot.p99Micros)
    }
}

extension AuraMessages.DeadLetter {
    init(_ letter: AuraSentiment.DeadLetter) {
        self.init()
        requestId = letter.requestID
        method = letter.method
        code = Int32(letter.code)
        error = letter.error
        timeUnixMs = letter.timeUnixMillis
        text = letter.text
    }
}
