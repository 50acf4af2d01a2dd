import AuraClient
import AuraCommandLine
import AuraTracing
import AuraWire
import Foundation

/// A parsed aura-rpc command line: the command, its operands and the global options, which
/// may come before or after the command.
struct Invocation: Sendable {
    /// What to do.
    enum Command: String, Sendable, CaseIterable {
        case analyze, redact, detectPii = "detect-pii", language, plugins, dlq, stats
        case submit, job, results, jobs, cancel, watch
        case admin
        case keys
        case call, health, list, help
        case serverStats = "server-stats"
    }

    /// The command; nil when none was given.
    let command: Command?
    /// The positional arguments after the command.
    let operands: [String]
    /// Whether --help (or -h) was given.
    let wantsHelp: Bool
    /// The server, "host:port".
    let address: String
    /// How long a call may take.
    let deadline: Duration?
    /// Request metadata from --metadata.
    let metadata: Metadata
    /// Whether to print the server's metadata to stderr.
    let showsMetadata: Bool
    /// The trace the calls carry, from --trace; nil without it.
    let trace: TraceParent?
    /// Whether output is compact JSON lines.
    let json: Bool
    /// Whether --watch was given (server-stats redraws every second).
    let watches: Bool
    /// TLS settings from --tls, --ca, --cert, --key, --server-name; nil for plaintext.
    let tls: TLSClientConfiguration?
    /// The parsed command line, where commands find their own options (`--mode`, `--limit`,
    /// ...), already checked to be theirs.
    let parsed: ParsedArguments

    static let defaultAddress = "127.0.0.1:7443"

    /// Parses `arguments` (without the program name); `environment` supplies AURA_ADDR,
    /// AURA_API_KEY and AURA_DATA_DIR.
    init(arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIFailure) {
        let metadataValues: [String]
        let parsed: ParsedArguments
        do {
            let rest: [String]
            (metadataValues, rest) = try Self.extractRepeatedOption("metadata", from: arguments)
            parsed = try ParsedArguments(
                rest, valueOptions: Self.globalValueOptions.union(Command.allValueOptions),
                flagOptions: Self.globalFlagOptions.union(Command.allFlagOptions))
        } catch {
            throw .usage(error.description, topic: Self.topic(guessedFrom: arguments))
        }
        var positionals = parsed.positionals
        let name = positionals.isEmpty ? nil : positionals.removeFirst()
        wantsHelp = parsed.flags.contains("help")
        json = parsed.flags.contains("json")
        watches = parsed.flags.contains("watch")
        showsMetadata = parsed.flags.contains("show-metadata")
        operands = positionals
        if let name {
            guard let command = Command(rawValue: name) else {
                throw .usage("unknown command \"\(name)\"", topic: .main)
            }
            self.command = command
        } else {
            command = nil
        }
        let topic = command.flatMap { HelpTopic(command: $0.rawValue) } ?? .main
        try Self.checkOwnOptions(of: command, in: parsed, topic: topic)
        self.parsed = parsed

        let address = parsed.options["addr"] ?? environment["AURA_ADDR"].flatMap { $0.isEmpty ? nil : $0 } ?? Self.defaultAddress
        guard let colon = address.lastIndex(of: ":"), colon != address.startIndex,
              let port = Int(address[address.index(after: colon)...]), (1...65535).contains(port)
        else {
            throw .usage("the address must be HOST:PORT with a port in 1...65535, got \"\(address)\"", topic: topic)
        }
        self.address = address
        do {
            tls = try Self.tlsConfiguration(from: parsed)
            deadline = try parsed.duration("deadline")
        } catch {
            throw .usage(error.description, topic: topic)
        }
        if let deadline, deadline <= .zero {
            throw .usage("--deadline must be longer than zero", topic: topic)
        }
        var metadata = Metadata()
        for value in metadataValues {
            do {
                try Self.addMetadata(value, to: &metadata)
            } catch {
                throw .usage(error.description, topic: topic)
            }
        }
        if metadata.first(APIKeyLookup.metadataKey) == nil, let key = APIKeyLookup.find(options: parsed.options, environment: environment) {
            metadata.add(APIKeyLookup.metadataKey, "Bearer \(key)")
        }
        trace = try Self.trace(parsed.flags.contains("trace"), in: &metadata, topic: topic)
        self.metadata = metadata
    }

    /// With --trace, the sampled trace the calls carry: the `traceparent` given with --metadata,
    /// else a new one added to `metadata`.
    private static func trace(_ wanted: Bool, in metadata: inout Metadata, topic: HelpTopic) throws(CLIFailure) -> TraceParent? {
        guard wanted else { return nil }
        if let given = metadata[TraceParent.metadataKey] {
            guard let parent = TraceParent(parsing: given), parent.isSampled else {
                throw .usage("--trace needs a valid sampled traceparent (flags 01), got \"\(given)\"", topic: topic)
            }
            return parent
        }
        let ids = TraceIDGenerator()
        let parent = TraceParent(traceID: ids.traceID(), parentID: ids.spanID(), isSampled: true)
        metadata.add(TraceParent.metadataKey, parent.text)
        return parent
    }

    /// The options for a call.
    var callOptions: CallOptions { CallOptions(timeout: deadline, metadata: metadata) }

    /// A client for the address; a deadline also bounds each connection attempt.
    func makeClient() -> AuraClient {
        var configuration = ClientConfiguration()
        if let deadline { configuration.connectTimeout = min(configuration.connectTimeout, deadline) }
        configuration.tls = tls
        return AuraClient(address: address, configuration: configuration)
    }

    /// Runs the command.
    func run() async throws {
        guard let command else {
            if wantsHelp { return Output.line(HelpTopic.main.text) }
            throw CLIFailure.usage("no command given", topic: .main)
        }
        if wantsHelp { return Output.line(HelpTopic(command: command.rawValue)!.text) }
        if let trace { Output.error("trace id: \(trace.traceID)") }
        switch command {
        case .help: try Self.help(operands)
        case .list: try ListCommand(invocation: self).run()
        case .health: try await HealthCommand(invocation: self).run()
        case .call: try await CallCommand(invocation: self).run()
        case .analyze: try await AnalyzeCommand(invocation: self).run()
        case .redact: try await RedactCommand(invocation: self).run()
        case .detectPii: try await DetectPiiCommand(invocation: self).run()
        case .language: try await LanguageCommand(invocation: self).run()
        case .plugins: try await PluginsCommand(invocation: self).run()
        case .dlq: try await DeadLettersCommand(invocation: self).run()
        case .stats: try await StatsCommand(invocation: self).run()
        case .serverStats: try await ServerStatsCommand(invocation: self).run()
        case .submit: try await SubmitCommand(invocation: self).run()
        case .job: try await JobCommands(invocation: self).job()
        case .results: try await ResultsCommand(invocation: self).run()
        case .jobs: try await JobCommands(invocation: self).jobs()
        case .cancel: try await JobCommands(invocation: self).cancel()
        case .watch: try await JobCommands(invocation: self).watch()
        case .admin: try await AdminCommand(invocation: self).run()
        case .keys: try await KeysCommand(invocation: self).run()
        }
    }

    /// Runs `aura-rpc help [COMMAND]`.
    private static func help(_ operands: [String]) throws(CLIFailure) {
        guard operands.count <= 1 else { throw .usage("help takes at most one command", topic: .help) }
        guard let name = operands.first else { return Output.line(HelpTopic.main.text) }
        guard let topic = HelpTopic(command: name) else { throw .usage("no help for \"\(name)\"", topic: .main) }
        Output.line(topic.text)
    }

    /// Removes every `--NAME VALUE` and `--NAME=VALUE` (one or two dashes) from `arguments`,
    /// up to a "--", and returns the values in order with the remaining arguments: the shared
    /// parser keeps only the last value of an option.
    static func extractRepeatedOption(_ name: String, from arguments: [String]) throws(UsageError) -> (values: [String], rest: [String]) {
        var values: [String] = []
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--" {
                rest += arguments[(index - 1)...]
                break
            }
            let body = argument.hasPrefix("--") ? argument.dropFirst(2) : argument.hasPrefix("-") ? argument.dropFirst() : nil
            if let body, body == name {
                guard index < arguments.count else { throw UsageError("option --\(name) needs a value") }
                values.append(arguments[index])
                index += 1
            } else if let body, body.hasPrefix(name + "=") {
                values.append(String(body.dropFirst(name.count + 1)))
            } else {
                rest.append(argument)
            }
        }
        return (values, rest)
    }

    /// Adds one `key=value` entry; a `-bin` key's value is base64.
    static func addMetadata(_ text: String, to metadata: inout Metadata) throws(UsageError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw UsageError("--metadata takes KEY=VALUE, got \"\(text)\"")
        }
        let key = text[..<equals].lowercased()
        let value = String(text[text.index(after: equals)...])
        guard Metadata.isValidKey(key) else {
            throw UsageError("metadata key \"\(key)\" must be non-empty and use only a-z 0-9 - _ .")
        }
        guard !key.hasPrefix("aura-") else {
            throw UsageError("metadata keys starting with aura- are reserved for the protocol")
        }
        if key.hasSuffix("-bin") {
            guard let bytes = Data(base64Encoded: value) else {
                throw UsageError("the value of metadata key \(key) must be base64, got \"\(value)\"")
            }
            metadata.add(key, bytes: Array(bytes))
        } else {
            guard value.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7f }) else {
                throw UsageError("the value of metadata key \(key) must be printable ASCII (use a -bin key for bytes)")
            }
            metadata.add(key, value)
        }
    }

    /// The usage to show for a command line that did not parse: the first known command's.
    private static func topic(guessedFrom arguments: [String]) -> HelpTopic {
        arguments.lazy.compactMap { HelpTopic(command: $0) }.first ?? .main
    }
}
