/// Where an option's value came from.
public enum OptionOrigin: Sendable, Equatable, CustomStringConvertible {
    /// The program's default.
    case defaultValue
    /// A line of a configuration file.
    case file(path: String, line: Int)
    /// An environment variable.
    case environment(String)
    /// The command line.
    case commandLine

    /// "default", "/etc/aurastream/aura.conf line 4", "AURA_SERVER_CACHE_MB" or "command line".
    public var description: String {
        switch self {
        case .defaultValue: return "default"
        case .file(let path, let line): return "\(path) line \(line)"
        case .environment(let variable): return variable
        case .commandLine: return "command line"
        }
    }
}

extension ParsedArguments {
    /// " (from <origin>)" for an option set elsewhere than on the command line, for error
    /// messages; "" otherwise.
    public func source(of name: String) -> String {
        guard let origin = origins[name], origin != .commandLine else { return "" }
        return " (from \(origin))"
    }

    /// The environment variable that sets option `name`: `prefix` then the name in capitals
    /// with `-` as `_` (`job-workers` -> `AURA_SERVER_JOB_WORKERS`).
    public static func environmentVariable(for name: String, prefix: String) -> String {
        prefix + String(name.uppercased().map { $0 == "-" ? "_" : $0 })
    }

    /// These command-line arguments over the lower layers, lowest first: `defaults`, the
    /// settings of `file`, then `environment` (`prefix` + NAME variables; empty ones count as
    /// unset). Only `valueOptions` and `flagOptions` are read from the file and the environment;
    /// a flag there takes true or false, so a layer can also turn a flag off. Every value not
    /// from the command line records its origin in `origins`.
    public func layered(
        over file: ConfigFile?, environment: [String: String], prefix: String, defaults: [String: String],
        valueOptions: Set<String>, flagOptions: Set<String>
    ) throws(UsageError) -> ParsedArguments {
        var settings: [String: (value: String, origin: OptionOrigin)] = defaults.mapValues { ($0, .defaultValue) }
        for entry in file?.entries ?? [] { settings[entry.name] = (entry.value, .file(path: file!.path, line: entry.line)) }
        for name in valueOptions.union(flagOptions) {
            let variable = Self.environmentVariable(for: name, prefix: prefix)
            if let value = environment[variable], !value.isEmpty { settings[name] = (value, .environment(variable)) }
        }
        for (name, value) in options { settings[name] = (value, .commandLine) }
        for name in flags { settings[name] = ("true", .commandLine) }

        var merged = self
        for (name, setting) in settings {
            merged.origins[name] = setting.origin
            guard flagOptions.contains(name) || self.flags.contains(name) else {
                merged.options[name] = setting.value
                continue
            }
            guard let on = parseBoolean(setting.value) else {
                throw UsageError("--\(name) is a flag: true or false, got \"\(setting.value)\" (from \(setting.origin))")
            }
            if on { merged.flags.insert(name) } else { merged.flags.remove(name) }
        }
        return merged
    }
}
