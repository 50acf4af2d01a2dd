import AuraCore
import AuraPosix

/// How to start a plugin's worker process: spawn `aura-plugin-worker` with a socketpair and a
/// stderr pipe, send the load request, and wait for the plugin's identity (or its refusal).
struct WorkerLaunch: Sendable {
    let pluginPath: String
    let config: String
    let runDirectory: String
    let options: WorkerOptions

    /// A worker serving calls, as its supervisor thread holds it.
    final class Running: @unchecked Sendable {  // `output` is used by the supervisor thread alone
        let connection: WorkerConnection
        let output: WorkerOutput
        init(connection: WorkerConnection, output: WorkerOutput) {
            self.connection = connection
            self.output = output
        }
    }

    /// Starts a worker and loads the plugin in it. A plugin that refuses to load throws its
    /// error; one that crashes or hangs while loading throws with the worker's end.
    func start(stop: EventFD) throws(RPCError) -> (Running, PluginInfo) {
        let name = pluginPath.split(separator: "/").last.map(String.init) ?? pluginPath
        let (ours, theirs): (Socket, Socket), (errors, theirErrors): (Socket, Socket)
        let process: ChildProcess
        do {
            (ours, theirs) = try Socket.pair()
            (errors, theirErrors) = try Socket.pair()
            process = try ChildProcess.spawn(
                path: options.executablePath,
                arguments: [
                    "--socket", "3", "--run-dir", runDirectory, "--threads", "\(options.threads)",
                    "--memory-bytes", "\(options.memoryLimitBytes)",
                ],
                descriptors: [(theirErrors.descriptor, 2), (theirs.descriptor, 3)])
        } catch {
            throw RPCError(.failedPrecondition, "cannot start the plugin worker \(options.executablePath): \(error)")
        }
        theirs.close()
        theirErrors.close()
        let log = options.log
        let connection = WorkerConnection(process: process, socket: ours)
        let output = WorkerOutput(socket: ours, errors: errors, stop: stop) { log("plugin worker \(name) [\(process.id)]: \($0)") }
        do {
            try? connection.sendLoad(path: pluginPath, config: config)  // a worker gone already shows as its end
            let info = try awaitLoaded(output)
            return (Running(connection: connection, output: output), info)
        } catch {
            process.kill()
            let status = (try? process.wait()).map { " (worker: \($0))" } ?? ""
            throw RPCError(error.code, error.message + status)
        }
    }

    private func awaitLoaded(_ output: WorkerOutput) throws(RPCError) -> PluginInfo {
        let deadline = MonotonicClock.nanoseconds() &+ options.startLimit.clampedNanoseconds
        while true {
            let now = MonotonicClock.nanoseconds()
            guard now < deadline else {
                throw RPCError(.deadlineExceeded, "\(pluginPath) did not load within \(options.startLimit) in its worker")
            }
            switch try output.next(timeoutMilliseconds: Int(min((deadline - now) / 1_000_000 + 1, 1000))) {
            case .frame(var body):
                switch WorkerWire.readResponse(&body) {
                case (0, .loaded(var info))?:
                    info.path = pluginPath
                    info.isolation = .process
                    return info
                case (0, .failure(let error))?: throw error
                default: throw RPCError(.internal, "the worker for \(pluginPath) answered the load with something else")
                }
            case .idle: continue
            case .ended: throw RPCError(.internal, "the worker process ended while loading \(pluginPath)")
            case .stopRequested: throw RPCError(.cancelled, "the plugin was unloaded while its worker started")
            }
        }
    }
}
