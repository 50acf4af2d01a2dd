import AuraBytes
import AuraCommandLine
import AuraDashboard
import AuraJobs
import AuraMetrics
import AuraPluginHost
import AuraPosix
import AuraServer
import AuraTracing
import Glibc

/// Where aura-server's options come from: the configuration file given by `--config`, then
/// `AURA_SERVER_*` environment variables, then the command line, each overriding the one
/// before; the program's defaults fill the rest (docs/OPERATIONS.md, "Configuration").
///
/// It works from the same option lists as the command line, so every long option is also a
/// file setting and an environment variable, without code of its own.
enum ServerOptions {
    /// The prefix of the environment variables: `AURA_SERVER_JOB_WORKERS` sets
    /// `--job-workers`. Not `AURA_`: aura-rpc reads `AURA_ADDR` as the server to call.
    static let environmentPrefix = "AURA_SERVER_"

    /// Options only the command line takes: what to do this time, not how to run.
    static let commandLineOnly: Set<String> = ["help", "config", "check-config", "restore", "force", "repair"]

    /// The defaults of options that have a fixed one, taken from the configuration types so
    /// they cannot disagree. Options not here default to something computed at start (one per
    /// core, the plugins beside the binary) or to off.
    static let defaults: [String: String] = {
        let server = ServerConfiguration()
        let jobs = JobsConfiguration(logDirectory: "")
        let plugins = PluginLimits()
        return [
            "addr": server.address, "data-dir": ".aura-data", "cache-mb": "64", "log-level": "info",
            "job-retention": format(jobs.retention), "job-log-max-gb": String(jobs.maxLogBytes >> 30),
            "job-segment-mb": String(jobs.segmentSize >> 20), "job-sweep-interval": format(jobs.sweepInterval),
            "handshake-timeout": format(server.handshakeTimeout), "frame-read-timeout": format(server.frameReadTimeout),
            "idle-timeout": format(server.idleTimeout), "keepalive-interval": format(server.keepaliveInterval),
            "keepalive-timeout": format(server.keepaliveTimeout), "max-connections": String(server.maxConnections),
            "max-connections-per-address": String(server.maxConnectionsPerAddress),
            "memory-budget-mb": String(server.memoryBudget >> 20), "connection-memory-mb": String(server.connectionMemoryShare >> 20),
            "plugin-threads": String(plugins.threads), "plugin-queue": String(plugins.queueCapacity),
            "alert-interval": format(AlertMonitor.defaultInterval), "auth": "on",
            "trace-sample-rate": String(TraceSampler.defaultRate), "trace-file-max-mb": String(SpanFileWriter.defaultMaxBytes >> 20),
            "sla-latency-ms": String(SLAObjective().latencyNanoseconds / 1_000_000), "sla-target": String(SLAObjective().targetPercent),
        ]
    }()

    /// Parses `commandLine` over the configuration file it names (if any) and `environment`.
    static func parse(
        _ commandLine: [String], environment: [String: String], valueOptions: Set<String>, flagOptions: Set<String>
    ) throws(UsageError) -> ParsedArguments {
        let given = try ParsedArguments(commandLine, valueOptions: valueOptions, flagOptions: flagOptions)
        let settableValues = valueOptions.subtracting(commandLineOnly)
        let settableFlags = flagOptions.subtracting(commandLineOnly)
        var file: ConfigFile?
        if let path = given.options["config"] { file = try readConfigFile(path, names: settableValues.union(settableFlags)) }
        return try given.layered(
            over: file, environment: environment, prefix: environmentPrefix,
            defaults: defaults.merging(settableFlags.map { ($0, "false") }) { value, _ in value },
            valueOptions: settableValues, flagOptions: settableFlags)
    }

    /// Reads and parses the configuration file at `path`.
    static func readConfigFile(_ path: String, names: Set<String>) throws(UsageError) -> ConfigFile {
        let bytes: [UInt8]?
        do {
            bytes = try Files.read(path, limit: ConfigFile.maxSize)
        } catch where error.errno == EFBIG {
            throw UsageError("\(path): larger than \(ConfigFile.maxSize >> 20) MiB, not a configuration file")
        } catch {
            throw UsageError("cannot read the configuration file \(path): \(error)")
        }
        guard let bytes else { throw UsageError("the configuration file \(path) does not exist") }
        return try ConfigFile(path: path, bytes: bytes, names: names)
    }

    /// The effective configuration as configuration-file lines, by name, each with where its
    /// value came from; secrets are never shown. Options not set and without a fixed default
    /// are listed as comments.
    static func describe(_ arguments: ParsedArguments, valueOptions: Set<String>, flagOptions: Set<String>) -> [String] {
        valueOptions.union(flagOptions).subtracting(commandLineOnly).sorted().map { name in
            let origin = arguments.origins[name] ?? .commandLine
            let value = flagOptions.contains(name) ? String(arguments.flags.contains(name)) : arguments.options[name]
            guard let value else { return "# \(name) is not set" }
            let setting = isSecret(name) ? "# \(name) is set (not shown)" : "\(name) = \(quoted(value))"
            return setting.padding(toLength: 44) + "  # \(origin)"
        }
    }

    /// Whether an option's value may be a secret, never printed (a key, token or password;
    /// paths to key files are hidden too, harmlessly).
    static func isSecret(_ name: String) -> Bool {
        ["secret", "password", "token"].contains { name.contains(substring: $0) } || name == "key" || name.hasSuffix("-key")
    }

    /// Checks that the data directory can be used: a writable folder, or one that can be
    /// created in a writable parent.
    static func checkDataDirectory(_ path: String) throws(UsageError) {
        var candidate = path
        while true {
            do {
                try Files.checkWritableDirectory(candidate)
                return
            } catch where error.errno == ENOENT {
                guard let slash = candidate.lastIndex(of: "/") else { candidate = "."; continue }
                candidate = slash == candidate.startIndex ? "/" : String(candidate[..<slash])
            } catch {
                throw UsageError("the data directory \(path) is not usable: \(error)")
            }
        }
    }

    private static func quoted(_ value: String) -> String {
        value.contains("#") || value.first == " " || value.last == " " || value.isEmpty ? "\"\(value)\"" : value
    }

    private static func format(_ duration: Duration) -> String {
        let seconds = duration.components.seconds
        guard duration.components.attoseconds == 0 else { return "\(Double(seconds) + Double(duration.components.attoseconds) / 1e18)s" }
        for (unit, size) in [("d", Int64(86400)), ("h", 3600), ("m", 60)] where seconds > 0 && seconds % size == 0 {
            return "\(seconds / size)\(unit)"
        }
        return "\(seconds)s"
    }
}

extension String {
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}

/// The dashboard's SLA from `--sla-latency-ms` and `--sla-target`.
func slaObjective(_ arguments: ParsedArguments) throws(UsageError) -> SLAObjective {
    let defaults = SLAObjective()
    func number(_ name: String, _ value: Double, _ range: ClosedRange<Double>) throws(UsageError) -> Double {
        guard let text = arguments.options[name] else { return value }
        guard let number = Double(text), range.contains(number) else {
            throw UsageError("--\(name) must be a number in \(range.lowerBound)...\(range.upperBound), got \"\(text)\"\(arguments.source(of: name))")
        }
        return number
    }
    return SLAObjective(
        latencyMilliseconds: try number("sla-latency-ms", Double(defaults.latencyNanoseconds) / 1e6, 0.01...3_600_000),
        targetPercent: try number("sla-target", defaults.targetPercent, 0...100))
}
