/// Where a plugin's code runs.
public enum PluginIsolation: String, Sendable {
    /// Mapped into the server: the fastest calls, but a crash in the plugin is a crash of the
    /// server. The default, and the built-in plugins' mode.
    case inProcess = "in-process"
    /// In a worker process of its own: a crash, `exit()`, hang or runaway memory ends only the
    /// worker, which restarts; calls cost a round trip over a socket.
    case process
    /// Mapped into the server and called on the event loop threads themselves, without the hop
    /// to the plugin's worker threads: the fastest calls, for a plugin its deployer trusts to
    /// answer in microseconds and never block (a slow one stalls every client on its loop).
    /// The package's built-in plugins always run this way.
    case inline
}

/// How plugin worker processes run and when they give up.
public struct WorkerOptions: Sendable {
    /// The `aura-plugin-worker` executable (by default next to the running server).
    public var executablePath: String
    /// Threads per worker calling the plugin at once.
    public var threads = 4
    /// The worker's data limit (`RLIMIT_DATA`): allocations past it fail, ending a runaway plugin.
    public var memoryLimitBytes = 1 << 30
    /// A call running longer than this is taken as a hang: the worker is killed and restarted.
    public var hangLimit: Duration = .seconds(30)
    /// How long a worker may take to start and load the plugin (a slow `create` included).
    public var startLimit: Duration = .seconds(30)
    /// The wait after the first crash before the restart; it doubles with each crash in the window.
    public var restartBackoff: Duration = .milliseconds(100)
    /// The longest wait before a restart.
    public var maxRestartBackoff: Duration = .seconds(5)
    /// This many crashes within `crashWindow` quarantine the plugin: no more restarts.
    public var crashLimit = 3
    /// See `crashLimit`.
    public var crashWindow: Duration = .seconds(60)
    /// Where worker lines (its stderr, its crashes and restarts) go: the server log.
    public var log: @Sendable (String) -> Void
    /// Told of each worker start and end, for tests and metrics.
    public var observe: @Sendable (WorkerEvent) -> Void = { _ in }

    /// Options with the defaults, running the worker at `executablePath`.
    public init(executablePath: String, log: @escaping @Sendable (String) -> Void) {
        self.executablePath = executablePath
        self.log = log
    }
}

/// What happened to a plugin's worker process.
public enum WorkerEvent: Sendable, Equatable {
    /// A worker (process id) is serving calls.
    case started(pid: Int32)
    /// The worker ended (crash, exit, kill by the watchdog); a restart may follow.
    case died(reason: String)
    /// The plugin crashed too often: no more restarts, its calls fail with UNAVAILABLE.
    case quarantined(reason: String)
}
