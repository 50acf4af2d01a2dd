import AuraCore
import AuraPosix

/// A plugin instance living in a worker process (process isolation): each call is a request
/// over a socket to the worker, which its `WorkerSupervisor` keeps running. Unloading (the last
/// reference going) ends the worker.
final class ProcessInstance: PluginInstance {
    private let supervisor: WorkerSupervisor

    init(supervisor: WorkerSupervisor) { self.supervisor = supervisor }

    deinit { supervisor.stop() }

    /// Runs the analyzer in the worker. UNAVAILABLE when the worker is down or ends meanwhile.
    func analyze(_ text: UnsafeRawBufferPointer, languageHint: String) throws(RPCError) -> SentimentAnalysis {
        guard supervisor.info.kind == .analyzer else { throw RPCError(.failedPrecondition, "\(supervisor.info.id) is not an analyzer") }
        guard case .analysis(let analysis) = try supervisor.call(.analyze, text: text, hint: languageHint) else {
            throw RPCError(.internal, "\(supervisor.info.id)'s worker answered an analysis with another result")
        }
        return analysis
    }

    /// Runs the redactor in the worker. UNAVAILABLE when the worker is down or ends meanwhile.
    func detect(_ text: UnsafeRawBufferPointer) throws(RPCError) -> [DetectedEntity] {
        guard supervisor.info.kind == .redactor else { throw RPCError(.failedPrecondition, "\(supervisor.info.id) is not a redactor") }
        guard case .entities(let entities) = try supervisor.call(.detect, text: text, hint: "") else {
            throw RPCError(.internal, "\(supervisor.info.id)'s worker answered a detection with other results")
        }
        return entities
    }
}

extension PluginLoader {
    /// Loads the plugin at `path` where `isolation` says (see `load(_:config:isolation:onQuarantine:)`).
    public func load(
        path: String, config: String = "", isolation: PluginIsolation,
        onQuarantine: @escaping @Sendable (_ plugin: (id: String, generation: Int), _ reason: String) -> String? = { _, _ in nil }
    ) throws(RPCError) -> Plugin {
        try load(try read(path), config: config, isolation: isolation, onQuarantine: onQuarantine)
    }

    /// Loads the checked `file` where `isolation` says. With `.process`, the plugin is loaded
    /// and created in a worker process (refused when the loader has no `workers` options);
    /// `onQuarantine` runs when it crashed too often (given the reason; it returns the id of the
    /// version made active instead, for the log line).
    public func load(
        _ file: PluginFile, config: String = "", isolation: PluginIsolation,
        onQuarantine: @escaping @Sendable (_ plugin: (id: String, generation: Int), _ reason: String) -> String? = { _, _ in nil }
    ) throws(RPCError) -> Plugin {
        guard isolation == .process else { return try load(file, config: config, inline: isolation == .inline) }
        guard var workers else {
            throw RPCError(.failedPrecondition, "this server runs no plugin worker processes; load \(file.path) in process")
        }
        let generation = counter.next()
        let stats = PluginStats(), observe = workers.observe
        workers.observe = { event in
            if case .died = event { stats.recordCrash() }
            observe(event)
        }
        let launch = WorkerLaunch(pluginPath: file.path, config: config, runDirectory: runDirectory, options: workers)
        let supervisor = try WorkerSupervisor.start(launch: launch) { info, reason in onQuarantine((info.id, generation), reason) }
        var info = supervisor.info
        info.sha256 = file.sha256
        return Plugin(info: info, generation: generation, instance: ProcessInstance(supervisor: supervisor), limits: limits(file.path),
            stats: stats)
    }
}
