import AuraMessages
import AuraPluginHost
import AuraPosix
import AuraServer
import AuraWire

/// `aura.Plugins`: list, load, activate and unload plugins on a running server.
///
/// Loading a plugin runs its code in the server, so the changing methods answer only clients on
/// this machine unless `allowsRemoteChanges` (API keys with scopes come with the security work).
public struct PluginAdminService: Service {
    public let name = "aura.Plugins"
    let registry: PluginRegistry
    let allowsRemoteChanges: Bool

    /// Creates the service.
    public init(registry: PluginRegistry, allowsRemoteChanges: Bool = false) {
        self.registry = registry
        self.allowsRemoteChanges = allowsRemoteChanges
    }

    public func register(into methods: inout MethodRegistry) {
        let registry = registry
        let allowsRemoteChanges = allowsRemoteChanges
        let checkPeer: @Sendable (ServerContext) throws(RPCError) -> Void = { context throws(RPCError) in
            try Self.checkMayChangePlugins(peer: context.peer, allowsRemoteChanges: allowsRemoteChanges)
        }
        methods.unary("aura.Plugins/List") { (_: Empty, _) in
            PluginList(plugins: registry.list().map(AuraMessages.PluginInfo.init))
        }
        methods.unary("aura.Plugins/Load") { (request: LoadPluginRequest, context) in
            try checkPeer(context)
            guard !request.path.isEmpty else { throw RPCError(.invalidArgument, "path is empty") }
            guard let isolation = request.isolation.isEmpty ? .inProcess : PluginIsolation(rawValue: request.isolation) else {
                throw RPCError(.invalidArgument, "isolation is \"in-process\" or \"process\", not \"\(request.isolation)\"")
            }
            return AuraMessages.PluginInfo(
                try registry.load(path: request.path, config: request.config, activate: request.activate ? true : nil, isolation: isolation))
        }
        methods.unary("aura.Plugins/Activate") { (request: PluginRef, context) in
            try checkPeer(context)
            try registry.activate(request.id)
            guard let entry = registry.list().first(where: { $0.info.id == request.id }) else {
                throw RPCError(.notFound, "no plugin \(request.id) is loaded")
            }
            return AuraMessages.PluginInfo(entry)
        }
        methods.unary("aura.Plugins/Unload") { (request: PluginRef, context) in
            try checkPeer(context)
            try registry.unload(request.id)
            return Empty()
        }
    }

    /// PERMISSION_DENIED unless `peer` is a loopback address or remote changes are allowed.
    static func checkMayChangePlugins(peer: String, allowsRemoteChanges: Bool) throws(RPCError) {
        guard allowsRemoteChanges || SocketAddress.isLoopback(peer: peer) else {
            throw RPCError(.permissionDenied, "plugins can be changed only from this machine (peer \(peer)); start the server with --allow-remote-admin to change that")
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
