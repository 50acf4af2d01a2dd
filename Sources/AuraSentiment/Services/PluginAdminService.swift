import AuraConformance
import AuraPluginHost
import AuraServer
import AuraWire

/// `aura.Plugins`: list, load, activate and unload plugins on a running server.
public struct PluginAdminService: Service {
    public let name = "aura.Plugins"
    let registry: PluginRegistry

    /// Creates the service.
    public init(registry: PluginRegistry) { self.registry = registry }

    public func register(into methods: inout MethodRegistry) {
        let registry = registry
        methods.unary("aura.Plugins/List") { (_: Empty, _) in
            PluginList(plugins: registry.list().map(PluginInfoMessage.init))
        }
        methods.unary("aura.Plugins/Load") { (request: LoadPluginRequest, _) in
            guard !request.path.isEmpty else { throw RPCError(.invalidArgument, "path is empty") }
            return PluginInfoMessage(try registry.load(path: request.path, config: request.config, activate: request.activate ? true : nil))
        }
        methods.unary("aura.Plugins/Activate") { (request: PluginRef, _) in
            try registry.activate(request.id)
            guard let entry = registry.list().first(where: { $0.info.id == request.id }) else {
                throw RPCError(.notFound, "no plugin \(request.id) is loaded")
            }
            return PluginInfoMessage(entry)
        }
        methods.unary("aura.Plugins/Unload") { (request: PluginRef, _) in
            try registry.unload(request.id)
            return Empty()
        }
    }
}

/// `aura.DeadLetters`: the most recent failed requests.
public struct DeadLetterService: Service {
    public let name = "aura.DeadLetters"
    let queue: DeadLetterQueue

    /// Creates the service.
    public init(queue: DeadLetterQueue) { self.queue = queue }

    public func register(into methods: inout MethodRegistry) {
        let queue = queue
        methods.unary("aura.DeadLetters/List") { (request: ListDeadLettersRequest, _) in
            DeadLetterList(letters: queue.list(limit: Int(request.limit)).map(DeadLetterMessage.init))
        }
    }
}

extension PluginInfoMessage {
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
    }
}

extension DeadLetterMessage {
    init(_ letter: DeadLetter) {
        self.init()
        requestID = letter.requestID
        method = letter.method
        code = Int32(letter.code)
        error = letter.error
        timeUnixMillis = letter.timeUnixMillis
        text = letter.text
    }
}
