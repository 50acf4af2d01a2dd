import AuraAdmin
import AuraAuth
import AuraBackupService
import AuraCluster
import AuraCommandLine
import AuraConformance
import AuraCrypto
import AuraDashboard
import AuraHTTP
import AuraHealth
import AuraJobLog
import AuraJobs
import AuraMessages
import AuraMetrics
import AuraPluginHost
import AuraPosix
import AuraSentiment
import AuraServer
import AuraTLS
import AuraTracing
import Glibc

// Block the stop signals before any thread starts: threads inherit the mask, and the main
// thread collects them at the end.
var stopSignals = StopSignals()

let usage = """
    aura-server: the AuraStream RPC server.

    usage: aura-server [--addr HOST:PORT] [--data-dir DIR] [--loops N] [--plugins DIR]
                       [--cache-mb N] [--dlq-keep-text] [--auth on|off]
                       [--access-log PATH|-] [--log-level debug|info|warning|error]
                       [--job-workers N] [--job-retention D] [--job-log-max-gb N] [--repair]
                       [--job-log-max-mb N] [--job-segment-mb N] [--job-sweep-interval D]
                       [--handshake-timeout D] [--frame-read-timeout D] [--idle-timeout D]
                       [--keepalive-interval D] [--keepalive-timeout D]
                       [--max-connections N] [--max-connections-per-address N] [--conformance]
                       [--memory-budget-mb N] [--connection-memory-mb N]
                       [--plugin-threads N] [--plugin-queue N]
                       [--tls-cert PATH --tls-key PATH [--tls-client-ca PATH]] [--plaintext]
                       [--metrics-addr HOST:PORT] [--alert-interval D] [--no-call-metrics]
                       [--sla-latency-ms N] [--sla-target PERCENT] [--no-dashboard]
                       [--encryption-key-file PATH] [--encryption-old-key-file PATH[,PATH...]]
                       [--trace-file PATH] [--trace-sample-rate R] [--trace-file-max-mb N]
                       [--node-name NAME] [--peers NAME=HOST:PORT,...] [--peer-address PATTERN]
                       [--peer-ca PATH]
                       [--config FILE] [--check-config]
           aura-server --restore BACKUP --data-dir DIR [--force]

      --config FILE      read settings from FILE: one "name = value" a line (the long option
                         names below; a flag takes true or false) and # comment lines.
                         Environment variables AURA_SERVER_<NAME> (e.g. AURA_SERVER_JOB_WORKERS)
                         override the file, and the command line overrides both
                         (docs/OPERATIONS.md; deploy/aura.conf lists every setting)
      --check-config     check the file, the environment, the command line and the data
                         directory, print the effective settings and where each comes from,
                         and exit (0 when all is well, 2 otherwise)
      --restore BACKUP   make the backup folder BACKUP (from aura-rpc admin backup) the data
                         directory given by --data-dir, every file verified, and exit; a data
                         directory that holds anything is refused unless --force, which keeps
                         its contents aside as DIR.before-restore-<time>
      --addr HOST:PORT   where to listen (default 127.0.0.1:7443; port 0 picks a free port)
      --tls-cert PATH    serve TLS 1.2+ with this certificate chain (PEM; docs/TLS.md)
      --tls-key PATH     the certificate's private key (PEM)
      --tls-client-ca PATH
                         require client certificates signed by a CA in this PEM file (mTLS)
      --plaintext        serve without TLS on an address other than loopback (refused otherwise)
      --data-dir DIR     where the server keeps its data (default ./.aura-data)
      --loops N          event loop threads (default: one per core)
      --plugins DIR      load every *.so plugin in DIR (with NAME.json beside NAME.so as its
                         config; "isolation": "process" in it runs the plugin in a worker
                         process, "inline" on the event loops for a plugin that never
                         blocks) and watch DIR for new ones (default: the package's default
                         analyzer and redactor, built next to this binary); files that fail
                         the loader's checks are logged and skipped. The plugins loaded, the
                         active choices and the pins are saved in the data directory
                         (plugins.json) and restored first at every start
      --plugin-threads N worker threads per plugin: how many of its calls run at once
                         (default 2); 0 runs every plugin inline on the event loops, for
                         plugins trusted never to block (a slow one then stalls its loop)
      --plugin-queue N   calls that may wait for a plugin's workers (default 1024); more are
                         refused with RESOURCE_EXHAUSTED
      --cache-mb N       the result cache's size in MiB (default 64; 0 turns it off)
      --dlq-keep-text    keep the text of failed requests in the dead-letter list
      --auth on|off      whether calls need an API key with the right scope (default on;
                         docs/KEYS.md). The first start writes an admin key to
                         DIR/admin.key, which aura-rpc on this machine finds by itself; keys
                         live in DIR/keys.json. off serves everyone and only on a loopback
                         --addr (for benchmarks and tests)
      --access-log PATH  write one JSON line per call (time, request id, peer, method, status,
                         duration, bytes in and out) to PATH, or to stderr with "-" (default off)
      --log-level LEVEL  the lowest level of the server's own log lines on stderr: debug, info,
                         warning or error (default info)
      --job-workers N    jobs processed at once (default: one per core)
      --job-retention D  how long finished jobs and their results are kept (default 7d)
      --job-log-max-gb N the most disk the job log (DIR/joblog) may use (default 64); a Submit
                         that would pass it is refused before any data is accepted
      --job-log-max-mb N the same budget in MiB, for small disks and tests (overrides the above)
      --job-segment-mb N the size of one job log segment file in MiB (default 64); two are
                         preallocated, so a disk with little room needs small ones, and
                         compaction removes whole segments, so smaller ones free space sooner
      --job-sweep-interval D
                         how often finished jobs past their retention are retired and dead
                         segments removed (default 60s; also once at every start)
      --conformance      also serve aura.TestService, the conformance and benchmark service
                         (off by default: it is a test tool, not a production service)
      --metrics-addr HOST:PORT
                         serve GET /metrics (Prometheus text format) and GET /healthz over
                         HTTP on HOST:PORT (default off; port 0 picks a free port, printed as
                         "aura-server metrics on HOST:PORT"); docs/METRICS.md lists the metrics
      --alert-interval D how often the alerts (error rate, p99 latency, cache hit rate, job
                         queue) are evaluated over the calls since the last time (default 60s);
                         one that fires or clears is logged as a warning
      --no-call-metrics  do not time and count each call (per-method figures stay at zero;
                         for measuring what they cost, see benchmarks/README.md)
      --trace-file PATH  write the spans of sampled calls, jobs and plugin calls to PATH as
                         OpenTelemetry JSON lines, for a collector's otlpjsonfile receiver
                         (default off; docs/TRACING.md). Every call continues the W3C
                         traceparent it carries, or starts a trace, and gets one back in its
                         trailers, with or without this
      --trace-sample-rate R
                         the share of new traces (calls without a traceparent) sampled, 0 to 1
                         (default 0.1); a traceparent's own sampled flag is always followed
      --trace-file-max-mb N
                         the most one span file holds (default 64): past it the file becomes
                         PATH.1 (replacing the last one) and a new one starts
      --sla-latency-ms N the latency objective of the dashboard's SLA chart: unary calls
                         should end within N ms (default 100; docs/DASHBOARD.md)
      --sla-target PERCENT
                         the share of unary calls that should meet it (default 99.9)
      --no-dashboard     do not serve the dashboard (GET / and /dashboard on --metrics-addr,
                         for loopback peers and the admin key) nor sample its series
      --repair           open a damaged job log anyway: keep every valid record, set aside
                         the rest, and log exactly what was dropped
      --encryption-key-file PATH
                         seal new job log segments (documents and results) with AES-256-GCM
                         under the key in PATH: 64 hex digits or 32 raw bytes, mode 0600
                         (default: env AURA_ENCRYPTION_KEY, else no encryption); docs/ENCRYPTION.md
      --encryption-old-key-file PATH[,PATH...]
                         keys that only read segments sealed before a key rotation

    Several servers as one (docs/SCALING.md):
      --node-name NAME   this server's name, written into every job id it makes (default: the
                         host name); 1 to 63 letters, digits, '.' or '-', unique in the cluster
      --peers NAME=HOST:PORT,...
                         the other servers by node name: a Get, Results, Watch or Cancel of a
                         job another server owns is forwarded to it (UNAVAILABLE naming it
                         while it is down)
      --peer-address PATTERN
                         the address of any node not in --peers, "{node}" standing for its
                         name, e.g. "{node}.aura-peers:7443" (a Kubernetes headless service)
      --peer-ca PATH     the CAs (PEM) that peers' certificates chain to when this server
                         serves TLS (default: the system's); peers get this server's own
                         certificate, for those that require client certificates

    Limits on peers (docs/LIMITS.md lists them all):
      --handshake-timeout D
                         a new connection must send its preface and SETTINGS within D
                         (default 10s), or it gets GOAWAY DEADLINE_EXCEEDED and is closed
      --frame-read-timeout D
                         a frame that has begun must complete within D (default 30s), or
                         the connection is closed: a peer trickling bytes is dropped
      --idle-timeout D   a connection with no call for D is closed (default 300s)
      --keepalive-interval D
                         a connection silent for D gets a PING (default 30s)
      --keepalive-timeout D
                         a PING unanswered for D closes the connection (default 10s)
      --max-connections N
                         the most connections open at once (default 10000); one more gets
                         GOAWAY RESOURCE_EXHAUSTED and is closed
      --max-connections-per-address N
                         the same, per client IP address (default 1000)
      --memory-budget-mb N
                         the most memory all connections together hold for their peers
                         (requests, replies, decompressed messages) before connections that
                         hold much get no new calls (default 1024)
      --connection-memory-mb N
                         the most one connection holds (default 64, at least two maximum-size
                         messages): past it a client that does not read its replies has its
                         calls wait, and one that sends more than that is closed (GOAWAY)
      --help             this text

    SIGTERM or SIGINT stops it gracefully: GOAWAY to every client, calls in flight get 10 s.
    SIGHUP reloads the TLS certificate and key: new handshakes use them, open connections stay.
    """

func fail(_ message: String) -> Never {
    StandardStream.error("aura-server: \(message)\n\n\(usage)")
    exit(2)
}

let valueOptions: Set<String> = [
    "addr", "data-dir", "loops", "plugins", "cache-mb", "access-log", "log-level", "job-workers", "job-retention",
    "job-log-max-gb", "job-log-max-mb", "job-segment-mb", "job-sweep-interval",
    "handshake-timeout", "frame-read-timeout", "idle-timeout", "keepalive-interval", "keepalive-timeout",
    "max-connections", "max-connections-per-address", "memory-budget-mb", "connection-memory-mb",
    "plugin-threads", "plugin-queue", "config", "restore", "metrics-addr", "alert-interval", "auth", "sla-latency-ms", "sla-target",
    "tls-cert", "tls-key", "tls-client-ca", "encryption-key-file", "encryption-old-key-file",
    "trace-file", "trace-sample-rate", "trace-file-max-mb",
    "node-name", "peers", "peer-address", "peer-ca",
]
let flagOptions: Set<String> = [
    "help", "dlq-keep-text", "repair", "conformance", "check-config", "force", "no-call-metrics", "plaintext", "no-dashboard",
]
let arguments: ParsedArguments
do {
    arguments = try ServerOptions.parse(
        Array(CommandLine.arguments.dropFirst()), environment: Environment.variables, valueOptions: valueOptions, flagOptions: flagOptions)
} catch {
    fail(error.description)
}
if arguments.flags.contains("help") {
    StandardStream.out(usage)
    exit(0)
}
guard arguments.positionals.isEmpty else { fail("unexpected argument \(arguments.positionals[0])") }

/// The duration `--name` gives, which must be more than zero (a zero limit would drop every peer).
func limit(_ name: String, default value: Duration) throws(UsageError) -> Duration {
    guard let given = try arguments.duration(name) else { return value }
    guard given > .zero else { throw UsageError("--\(name) must be more than 0, got \(arguments.options[name] ?? "")\(arguments.source(of: name))") }
    return given
}

var configuration = ServerConfiguration()
configuration.address = arguments.options["addr"] ?? configuration.address
let cacheMegabytes: Int
let pluginLimits: PluginLimits
let traceOptions: TraceOptions
let cluster: (node: String, forwarder: PeerForwarder?)
do {
    traceOptions = try TraceOptions(arguments)
    configuration.loopCount = try arguments.integer("loops", default: configuration.loopCount, range: 1...256)
    cacheMegabytes = try arguments.integer("cache-mb", default: 64, range: 0...65536)
    configuration.handshakeTimeout = try limit("handshake-timeout", default: configuration.handshakeTimeout)
    configuration.frameReadTimeout = try limit("frame-read-timeout", default: configuration.frameReadTimeout)
    configuration.idleTimeout = try limit("idle-timeout", default: configuration.idleTimeout)
    configuration.keepaliveInterval = try limit("keepalive-interval", default: configuration.keepaliveInterval)
    configuration.keepaliveTimeout = try limit("keepalive-timeout", default: configuration.keepaliveTimeout)
    configuration.maxConnections = try arguments.integer("max-connections", default: configuration.maxConnections, range: 1...1_000_000)
    configuration.maxConnectionsPerAddress = try arguments.integer(
        "max-connections-per-address", default: configuration.maxConnectionsPerAddress, range: 1...1_000_000)
    configuration.memoryBudget = try arguments.integer("memory-budget-mb", default: 1024, range: 1...1 << 24) << 20
    configuration.connectionMemoryShare = try arguments.integer("connection-memory-mb", default: 64, range: 1...1 << 24) << 20
    let pluginThreads = try arguments.integer("plugin-threads", default: PluginLimits().threads, range: 0...256)
    pluginLimits = PluginLimits(
        threads: pluginThreads, queueCapacity: try arguments.integer("plugin-queue", default: PluginLimits().queueCapacity, range: 1...1_000_000),
        runsInline: pluginThreads == 0)
    configuration.tls = try serverTLSContext(arguments, address: configuration.address)
    cluster = try clusterSettings(arguments, servesTLS: configuration.tls != nil)
} catch {
    fail(error.description)
}
let logLevelName = arguments.options["log-level"] ?? "info"
guard let logLevel = LogLevel(name: logLevelName) else {
    fail("--log-level takes debug, info, warning or error, got \"\(logLevelName)\"\(arguments.source(of: "log-level"))")
}
let dataDirectory = arguments.options["data-dir"] ?? ".aura-data"
var jobsConfiguration = JobsConfiguration(logDirectory: "\(dataDirectory)/joblog")
jobsConfiguration.nodeName = cluster.node
do {
    jobsConfiguration.workers = try arguments.integer("job-workers", default: jobsConfiguration.workers, range: 1...256)
    jobsConfiguration.retention = try arguments.duration("job-retention") ?? jobsConfiguration.retention
    jobsConfiguration.maxLogBytes = try arguments.integer("job-log-max-gb", default: 64, range: 1...1 << 20) << 30
    if arguments.options["job-log-max-mb"] != nil {
        jobsConfiguration.maxLogBytes = try arguments.integer("job-log-max-mb", default: 0, range: 1...1 << 30) << 20
    }
    jobsConfiguration.segmentSize = try arguments.integer("job-segment-mb", default: 64, range: 1...4096) << 20
    jobsConfiguration.sweepInterval = try arguments.duration("job-sweep-interval") ?? jobsConfiguration.sweepInterval
} catch {
    fail(error.description)
}
do {
    jobsConfiguration.logKeyring = try JobLogKeyring.configured(
        keyFile: arguments.options["encryption-key-file"], environmentKey: getenv("AURA_ENCRYPTION_KEY").map { String(cString: $0) },
        oldKeyFiles: arguments.options["encryption-old-key-file"].map { $0.split(separator: ",").map(String.init) } ?? [])
} catch {
    fail(error.description)
}
if arguments.flags.contains("check-config") {
    do {
        try ServerOptions.checkDataDirectory(dataDirectory)
    } catch {
        fail(error.description)
    }
    ServerOptions.describe(arguments, valueOptions: valueOptions, flagOptions: flagOptions).forEach(StandardStream.out)
    exit(0)
}
if let backup = arguments.options["restore"] {
    exit(restore(from: backup, to: dataDirectory, force: arguments.flags.contains("force")))
}
let logWriter: BackgroundLineWriter<LogLine>
let accessLogWriter: BackgroundLineWriter<AccessLogRecord>?
do {
    logWriter = try BackgroundLineWriter(file: .standardError)
    accessLogWriter = try arguments.options["access-log"].map { path in
        try BackgroundLineWriter(file: path == "-" ? .standardError : AppendFile.open(path))
    }
} catch {
    fail("cannot open the log: \(error)")
}
let logger = ServerLogger(level: logLevel, writer: logWriter)
configuration.logger = logger
// Each connection is a descriptor: the usual soft limit of 1024 would cap --max-connections.
if let openFiles = try? OpenFileLimit.raiseToMaximum(), openFiles < configuration.maxConnections + 256 {
    logger.log(.warning, "only \(openFiles) open files allowed (ulimit -n): fewer connections than --max-connections \(configuration.maxConnections) fit")
}
let tracer: Tracer
do {
    tracer = try traceOptions.tracer(address: configuration.address)
} catch {
    fail(error.description)
}
// The access log comes first, so that it records calls a later interceptor rejects; tracing
// before the key check, so that a rejected call has its trailer and span too.
configuration.interceptors = (accessLogWriter.map { [AccessLogInterceptor(writer: $0)] } ?? []) + [
    RequestIDInterceptor(), TracingInterceptor(tracer: tracer),
]

do {
    try Files.createDirectories(dataDirectory)
} catch {
    fail("cannot create the data directory \(dataDirectory): \(error)")
}

// Calls per API key: the key check counts, the metrics export.
let keyUsage = KeyUsage(maxKeys: 1_000)
let keys: KeyStore?
switch arguments.options["auth"] ?? "on" {
case "on":
    let opened: (store: KeyStore, adminKeyPath: String?)
    do {
        opened = try KeyStore.open(dataDirectory: dataDirectory, usage: keyUsage)
    } catch {
        fail("cannot use the API keys: \(error)")
    }
    if let path = opened.adminKeyPath { logger.log(.info, "first start: wrote an admin API key to \(path) (docs/KEYS.md)") }
    keys = opened.store
    configuration.interceptors.append(AuthInterceptor(store: opened.store))
case "off":
    guard SocketAddress.isLoopback(peer: configuration.address) else {
        fail("--auth off serves every caller, so it needs a loopback --addr (127.0.0.1 or [::1]), not \(configuration.address)")
    }
    keys = nil
    logger.log(.warning, "--auth off: every caller may call every service")
case let other:
    fail("--auth takes on or off, got \"\(other)\"")
}

/// The key of the redactor's hash mode, created once and kept 0600 in the data directory.
func redactionKey(in directory: String) -> [UInt8] {
    let path = "\(directory)/redaction.key"
    do {
        if let key = try Files.read(path, limit: 64) {
            guard key.count == 32 else { fail("\(path) is not 32 bytes; remove it to have a new key generated") }
            return key
        }
        let key = Crypto.randomBytes(32)
        try Files.write(key, to: path, mode: 0o600, exclusive: true)
        return key
    } catch {
        fail("cannot keep the redaction key at \(path): \(error)")
    }
}

/// The folder of this executable, where `swift build` puts the package's plugins.
func executableDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return "." }
    let path = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
}

/// What the default plugin folder (this binary's build folder) loads: the default analyzer and
/// redactor. The keyword redactor needs a keyword list: load it with `aura-rpc plugins load`.
let defaultPlugins: Set<String> = ["libAuraPluginLexiconSentiment.so", "libAuraPluginPatternRedactor.so"]
/// The package's own plugins, as built next to this binary: they answer in microseconds and never
/// block, so they run inline on the event loops, without the hop to worker threads that every
/// other plugin takes (docs/PLUGINS.md, "Threading").
let builtInPluginPaths = Set(
    (defaultPlugins.union(["libAuraPluginKeywordRedactor.so", "libAuraPluginLearnedSentiment.so"])).map { "\(executableDirectory())/\($0)" })
// Plugins with "isolation": "process" run in aura-plugin-worker, built beside this executable.
let workerOptions = WorkerOptions(executablePath: executableDirectory() + "/aura-plugin-worker") { logger.log(.warning, $0) }
let registry = PluginRegistry(
    loader: PluginLoader(runDirectory: "\(dataDirectory)/plugins-run", workers: workerOptions) { path in
        builtInPluginPaths.contains(path) ? PluginLimits(runsInline: true) : pluginLimits
    },
    stateFile: PluginStateFile(path: "\(dataDirectory)/plugins.json"),
    loadGuard: PluginLoadGuard(folder: "\(dataDirectory)/plugins-guard"), log: { logger.log(.info, $0) })
registry.restore()
let pluginPath = arguments.options["plugins"] ?? executableDirectory()
let isDefaultPluginPath = arguments.options["plugins"] == nil
let plugins = PluginDirectory(
    path: pluginPath, registry: registry,
    accepts: { name in isDefaultPluginPath ? defaultPlugins.contains(name) : name.hasSuffix(".so") },
    log: { logger.log(.info, $0) })
plugins.loadAll()
plugins.startWatching()

let engine = SentimentEngine(
    plugins: registry, cache: ResultCache(maxBytes: cacheMegabytes << 20),
    deadLetters: DeadLetterQueue(keepsText: arguments.flags.contains("dlq-keep-text")),
    redaction: Redaction(hashKey: redactionKey(in: dataDirectory)))
let jobLogSyncs = LatencyHistogram()
jobsConfiguration.logSyncObserver = { jobLogSyncs.record(nanoseconds: $0) }
let jobs: JobManager
do {
    jobs = try JobManager(configuration: jobsConfiguration, engine: engine, repair: arguments.flags.contains("repair")) {
        logger.log(.info, $0)
    }
} catch {
    fail("cannot open the job log in \(jobsConfiguration.logDirectory): \(error)")
}
logger.log(.info, "job log: \(jobs.recovery)")
logger.log(.info, jobsConfiguration.logKeyring.current.map { "job log: new segments sealed under key id \($0.idText)" } ?? "job log: not encrypted")
jobs.start()

let services: [any Service] = [
    SentimentService(engine: engine), PrivacyService(engine: engine), LanguageService(engine: engine),
    PluginAdminService(registry: registry),
    DeadLetterService(queue: engine.deadLetters, durableLetters: { jobs.failedJobLetters(limit: $0) }),
    JobService(manager: jobs, router: cluster.forwarder),
    BackupService(dataDirectory: dataDirectory) { jobs.holdJobLogSegments() },
] + (arguments.flags.contains("conformance") ? [TestService()] : []) + (keys.map { [KeysService(store: $0)] } ?? [])
let health = HealthService(serving: ["aura.Health"] + services.map(\.name))  // aura.Admin: BackupService's name
var servedMethods = MethodRegistry()
for service in [health] + services { servedMethods.add(service) }
let observability = ServerObservability(
    methods: servedMethods.methods + AdminStatsService.methods, engine: engine, jobs: jobs, jobLogSyncs: jobLogSyncs,
    keyUsage: keyUsage, log: { logger.log(.warning, $0) })
// First, so that it counts the calls later interceptors reject.
if !arguments.flags.contains("no-call-metrics") {
    configuration.interceptors.insert(MetricsInterceptor(metrics: observability.calls), at: 0)
}
let server = Server(configuration: configuration, services: [health] + services + [AdminStatsService(observability: observability)])
observability.countConnections { server.connectionCount }
health.showAlerts { observability.firingAlerts() }
observability.observe(loopBusyNanoseconds: { server.loopBusyNanoseconds }) {
    health.servingStatuses.mapValues { $0 == .serving }
}
do {
    observability.alerts.start(interval: try limit("alert-interval", default: AlertMonitor.defaultInterval))
} catch {
    fail(error.description)
}
// The dashboard samples the metrics once a second while the metrics listener serves it.
let dashboard: DashboardSampler?
do {
    let objective = try slaObjective(arguments)
    dashboard = arguments.options["metrics-addr"] == nil || arguments.flags.contains("no-dashboard") ? nil : DashboardSampler(
        registry: observability.registry, alerts: { observability.alerts.active }, objective: objective)
} catch {
    fail(error.description)
}
let dashboardAccess = keys.map { store in
    let check = AuthInterceptor(store: store)
    return DashboardAccess { check.refusal(authorization: $0, for: "aura.Admin/Stats") }
} ?? .loopbackOnly
let metricsServer: HTTPServer?
do {
    metricsServer = try arguments.options["metrics-addr"].map {
        try observability.serveHTTP(on: $0, extraRoutes: dashboard?.routes(access: dashboardAccess) ?? [:])
    }
} catch {
    fail("cannot listen for metrics on \(arguments.options["metrics-addr"] ?? ""): \(error)")
}
do {
    try server.start()
} catch {
    fail("cannot listen on \(configuration.address): \(error)")
}
dashboard?.start()
if let metricsServer, let address = arguments.options["metrics-addr"] {
    let metricsHost = address.split(separator: ":").dropLast().joined(separator: ":")
    StandardStream.out("aura-server metrics on \(metricsHost):\(metricsServer.port)")
}
// Startup (options, plugins, the saved state) freed most of what it allocated: give those heap
// pages back before saying it is ready, so an idle server holds what it uses, not what starting
// once took (about 2 MiB).
Heap.trim()
let host = configuration.address.split(separator: ":").dropLast().joined(separator: ":")
StandardStream.out(
    "aura-server listening on \(host):\(server.port) (\(configuration.tls == nil ? "plaintext" : "TLS"), \(configuration.loopCount) loops, data in \(dataDirectory), node \(cluster.node))")

// SIGTERM and SIGINT were blocked in every thread since the start, so one that arrives at any
// point waits here instead of being lost. SIGHUP reloads the TLS files and waits again.
var received = stopSignals.wait()
while received == SIGHUP {
    do {
        try configuration.tls?.reload()
        logger.log(.info, configuration.tls == nil ? "SIGHUP: no TLS to reload" : "SIGHUP: TLS certificate and key reloaded")
    } catch {
        logger.log(.error, "SIGHUP: TLS reload failed, the previous certificate stays in use: \(error)")
    }
    received = stopSignals.wait()
}
logger.log(.info, "signal \(received), shutting down (GOAWAY, calls in flight get \(configuration.shutdownGracePeriod))")
health.setStatus(.notServing, for: "")
plugins.stop()
observability.alerts.stop()
dashboard?.stop()
let stopped = Semaphore()
Task.detached {
    await server.shutdown()
    await cluster.forwarder?.shutdown()
    await metricsServer?.shutdown()
    await jobs.stop()
    stopped.signal()
}
stopped.wait()
logger.log(.info, "stopped")
accessLogWriter?.close()
tracer.writer?.close()
logWriter.close()
exit(0)
