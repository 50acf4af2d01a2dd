import AuraCore
import AuraPosix
import Synchronization

/// Keeps one plugin's worker process running, on a thread of its own: delivers the worker's
/// answers, kills it when a call runs past the hang limit, and when it ends fails the calls in
/// flight with UNAVAILABLE, restarts it after a backoff, or quarantines the plugin when it
/// crashed too often (see `WorkerLifecycle`).
final class WorkerSupervisor: Sendable {
    /// The plugin, as its worker reported it at the first start.
    let info: PluginInfo
    private let launch: WorkerLaunch
    private let current: Mutex<Current>
    private let stopSignal: EventFD
    /// Tells the registry; returns the id of the version it made active instead, if any.
    private let onQuarantine: @Sendable (_ plugin: PluginInfo, _ reason: String) -> String?

    private struct Current {
        var lifecycle: WorkerLifecycle
        var connection: WorkerConnection?
    }

    /// Starts the first worker (throwing the plugin's load error) and the supervisor thread.
    static func start(launch: WorkerLaunch, onQuarantine: @escaping @Sendable (_ plugin: PluginInfo, _ reason: String) -> String?) throws(RPCError) -> WorkerSupervisor {
        let stop: EventFD
        do {
            stop = try EventFD()
        } catch {
            throw RPCError(.internal, "cannot create an eventfd: \(error)")
        }
        let (worker, info) = try launch.start(stop: stop)
        let supervisor = WorkerSupervisor(info: info, launch: launch, connection: worker.connection, stop: stop, onQuarantine: onQuarantine)
        do {
            try PosixThread.spawn(name: "plugin-supervise") { supervisor.supervise(worker) }.detach()
        } catch {
            worker.connection.process.kill()
            _ = try? worker.connection.process.wait()
            throw RPCError(.internal, "cannot start the thread that supervises \(info.id)'s worker: \(error)")
        }
        launch.options.observe(.started(pid: worker.connection.process.id))
        return supervisor
    }

    private init(info: PluginInfo, launch: WorkerLaunch, connection: WorkerConnection, stop: EventFD,
                 onQuarantine: @escaping @Sendable (PluginInfo, String) -> String?) {
        self.info = info
        self.launch = launch
        current = Mutex(Current(lifecycle: WorkerLifecycle(options: launch.options), connection: connection))
        stopSignal = stop
        self.onQuarantine = onQuarantine
    }

    /// Runs a call in the current worker; UNAVAILABLE while it restarts, once quarantined, or
    /// when it ends during the call.
    func call(_ operation: WorkerWire.Operation, text: UnsafeRawBufferPointer, hint: String) throws(RPCError) -> WorkerWire.Outcome {
        let connection = try current.withLock { (current) throws(RPCError) -> WorkerConnection in
            if let connection = current.connection { return connection }
            throw RPCError(.unavailable, "\(info.id) is unavailable: \(current.lifecycle.unavailableReason ?? "its worker is starting")")
        }
        return try connection.call(operation, text: text, hint: hint)
    }

    /// Ends the worker and starts no other; calls in flight fail with UNAVAILABLE.
    func stop() {
        current.withLock { $0.lifecycle.stop() }
        try? stopSignal.signal()
    }

    private var options: WorkerOptions { launch.options }

    private func supervise(_ first: WorkerLaunch.Running) {
        var worker: WorkerLaunch.Running? = first
        var startFailure = ""
        while true {
            let reason: String
            if let running = worker {
                guard let ended = serve(running) else { return }
                reason = ended
            } else {
                reason = startFailure
                options.observe(.died(reason: reason))
            }
            let action = current.withLock { current in
                current.connection = nil
                return current.lifecycle.workerEnded(reason: reason, at: MonotonicClock.nanoseconds())
            }
            switch action {
            case .none:
                return
            case .quarantine(let why):
                let restored = onQuarantine(info, why)
                options.log("plugins: quarantined \(info.id) after \(why); \(restored.map { "restored \($0) as the active \(info.kind.name)" } ?? "no other version was restored")")
                options.observe(.quarantined(reason: why))
                return
            case .restart(let delay):
                options.log("plugins: the worker of \(info.id) ended (\(reason)); restarting in \(delay / 1_000_000) ms")
                guard waitUnlessStopped(nanoseconds: delay) else { return }
                do throws(RPCError) {
                    worker = try restart()
                } catch {
                    worker = nil
                    startFailure = "the restart failed: \(error.message)"
                }
            }
        }
    }

    /// Starts a new worker and publishes it; throws when it cannot start or was stopped meanwhile.
    private func restart() throws(RPCError) -> WorkerLaunch.Running {
        let (next, nextInfo) = try launch.start(stop: stopSignal)
        let process = next.connection.process
        guard nextInfo.id == info.id, nextInfo.kind == info.kind else {
            process.kill()
            _ = try? process.wait()
            throw RPCError(.failedPrecondition, "\(launch.pluginPath) now holds \(nextInfo.id), not \(info.id)")
        }
        let accepted = current.withLock { current in
            guard current.lifecycle.workerStarted() else { return false }
            current.connection = next.connection
            return true
        }
        guard accepted else {
            process.kill()
            _ = try? process.wait()
            throw RPCError(.cancelled, "\(info.id) was stopped while its worker restarted")
        }
        options.log("plugins: the worker of \(info.id) restarted (pid \(process.id))")
        options.observe(.started(pid: process.id))
        return next
    }

    /// Delivers the worker's answers until it ends; returns why (nil when stopped).
    private func serve(_ worker: WorkerLaunch.Running) -> String? {
        let connection = worker.connection
        let hangLimit = options.hangLimit.clampedNanoseconds
        let tick = Int(min(max(hangLimit / 4_000_000, 5), 250))
        var nextCheck = MonotonicClock.nanoseconds() &+ UInt64(tick) * 1_000_000
        var problem: String?
        var stopped = false
        serving: while true {
            do {
                switch try worker.output.next(timeoutMilliseconds: tick) {
                case .frame(var body):
                    guard let (id, outcome) = WorkerWire.readResponse(&body) else {
                        problem = "it sent a malformed answer"
                        break serving
                    }
                    connection.deliver(id: id, outcome)
                case .idle: break
                case .ended: break serving
                case .stopRequested:
                    stopped = true
                    break serving
                }
            } catch {
                problem = error.message
                break serving
            }
            let now = MonotonicClock.nanoseconds()
            if now >= nextCheck {
                nextCheck = now &+ UInt64(tick) * 1_000_000
                if let oldest = connection.oldestCallStart(), now &- oldest > hangLimit {
                    problem = "a call ran past the hang limit of \(options.hangLimit)"
                    break serving
                }
            }
        }
        connection.process.kill()
        let status = (try? connection.process.wait())?.description ?? "status unknown"
        let reason = problem.map { "\($0); killed" } ?? status
        if !stopped { options.observe(.died(reason: reason)) }  // before the callers learn of it
        connection.close(failing: RPCError(.unavailable, "\(info.id): its worker process ended (\(reason))\(stopped ? "" : "; it restarts")"))
        return stopped ? nil : reason
    }

    /// Waits `nanoseconds`; false when the plugin is stopped first.
    private func waitUnlessStopped(nanoseconds: UInt64) -> Bool {
        var poll = PollSet(readable: [stopSignal.descriptor])
        let stopped = (try? poll.wait(timeoutMilliseconds: Int(nanoseconds / 1_000_000))) ?? false
        return !stopped
    }
}
