import AuraCommandLine

/// Which options each command takes: the global ones go with every command, before or after
/// it; a command's own options are refused elsewhere, with the name of the commands that
/// take them.
extension Invocation {
    /// Options with a value that every command takes (`--metadata` is taken out first).
    static let globalValueOptions: Set<String> = Set(["addr", "deadline", "api-key", "data-dir"]).union(tlsValueOptions)
    /// Flags that every command takes.
    static let globalFlagOptions: Set<String> = ["json", "help", "show-metadata", "tls", "trace"]

    /// Throws a usage error for an option given that is neither global nor `command`'s own.
    static func checkOwnOptions(of command: Command?, in parsed: ParsedArguments, topic: HelpTopic) throws(CLIFailure) {
        let given = parsed.options.keys.filter { !globalValueOptions.contains($0) }
            + parsed.flags.filter { !globalFlagOptions.contains($0) }
        for name in given.sorted() where !(command?.takes(name) ?? false) {
            let owners = Command.allCases.filter { $0.takes(name) }.map(\.rawValue).joined(separator: ", ")
            let subject = command.map { "the \($0.rawValue) command" } ?? "aura-rpc without a command"
            throw .usage("--\(name) is not an option of \(subject) (it belongs to: \(owners))", topic: topic)
        }
    }
}

extension Invocation.Command {
    /// The command's own options that take a value.
    var valueOptions: Set<String> {
        switch self {
        case .analyze: return ["language", "analyzer", "redactor"]
        case .redact: return ["mode", "mask-char", "types", "redactor"]
        case .detectPii: return ["redactor"]
        case .plugins: return ["config", "isolation"]
        case .dlq: return ["limit"]
        case .submit:
            return ["format", "column", "field", "language", "analyzer", "redactor", "name", "idempotency-key", "upload-id", "resume"]
        case .results: return ["from"]
        case .jobs: return ["status", "limit"]
        case .keys: return ["scopes", "rate", "burst"]
        case .language, .stats, .serverStats, .call, .health, .list, .help, .job, .cancel, .watch, .admin: return []
        }
    }

    /// The command's own flags.
    var flagOptions: Set<String> {
        switch self {
        case .analyze: return ["redact"]
        case .plugins: return ["activate", "inactive", "replace", "stats"]
        case .submit: return ["redact", "wait"]
        case .results: return ["csv"]
        case .serverStats: return ["watch"]
        case .redact, .detectPii, .language, .dlq, .stats, .call, .health, .list, .help, .job, .jobs, .cancel, .watch, .admin, .keys: return []
        }
    }

    /// Whether `--name` is one of the command's own options.
    func takes(_ name: String) -> Bool { valueOptions.contains(name) || flagOptions.contains(name) }

    /// Every command's own value options: the parser must know them all to find the command.
    static var allValueOptions: Set<String> { allCases.reduce(into: []) { $0.formUnion($1.valueOptions) } }
    /// Every command's own flags.
    static var allFlagOptions: Set<String> { allCases.reduce(into: []) { $0.formUnion($1.flagOptions) } }
}
