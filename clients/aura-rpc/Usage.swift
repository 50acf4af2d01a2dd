/// The help texts: one per command, printed by `--help`, `aura-rpc help COMMAND`, and after a
/// usage error.
enum HelpTopic: String, CaseIterable {
    case main, call, health, list, help
    case analyze, redact, detectPii = "detect-pii", language, plugins, dlq, stats
    case submit, job, results, jobs, cancel, watch
    case admin
    case serverStats = "server-stats"
    case keys

    /// The topic for a command name, or nil.
    init?(command: String) {
        guard command != "main", let topic = HelpTopic(rawValue: command) else { return nil }
        self = topic
    }

    /// The text.
    var text: String {
        switch self {
        case .main, .help: return Self.mainText
        case .call: return Self.callText + "\n\n" + Self.optionsText
        case .health: return Self.healthText + "\n\n" + Self.optionsText
        case .list: return Self.listText + "\n\n" + Self.optionsText
        case .analyze: return Self.analyzeText + "\n\n" + Self.optionsText
        case .redact: return Self.redactText + "\n\n" + Self.optionsText
        case .detectPii: return Self.detectPiiText + "\n\n" + Self.optionsText
        case .language: return Self.languageText + "\n\n" + Self.optionsText
        case .plugins: return Self.pluginsText + "\n\n" + Self.optionsText
        case .dlq: return Self.dlqText + "\n\n" + Self.optionsText
        case .stats: return Self.statsText + "\n\n" + Self.optionsText
        case .serverStats: return Self.serverStatsText + "\n\n" + Self.optionsText
        case .submit: return Self.submitText + "\n\n" + Self.optionsText
        case .job, .jobs, .cancel, .watch: return Self.jobText + "\n\n" + Self.optionsText
        case .results: return Self.resultsText + "\n\n" + Self.optionsText
        case .admin: return Self.adminText + "\n\n" + Self.optionsText
        case .keys: return Self.keysText + "\n\n" + Self.optionsText
        }
    }

    private static let mainText = """
        aura-rpc: the command-line client of an AuraStream server: sentiment, personal data,
        language and plugin commands, and ad hoc calls to any method, JSON in and JSON out.

        usage: aura-rpc [OPTIONS] COMMAND [ARGS]

        commands (aura-rpc help COMMAND tells more):
          analyze TEXT|-        the sentiment of TEXT; - analyzes each line of stdin, in one
                                stream, printing each result as it comes
          redact TEXT|-         TEXT with its personal data replaced (--mode replace|mask|hash)
          detect-pii TEXT|-     the personal data in TEXT, one entity a line
          language TEXT|-       the language TEXT is in
          plugins ACTION        list, load PATH, activate ID, rollback KIND|NAME, pin, unpin, unload ID
          dlq list              the most recent failed requests (the dead-letter list)
          stats                 the result cache's counters and plugin failures
          server-stats          the server's figures (aura.Admin/Stats): calls, latency, errors,
                                cache, jobs, plugins, memory, alerts; --watch: live, every second
          submit FILE|-         upload a document as a job (--format lines|text|csv|jsonl), with
                                progress bars; --wait follows it to its end
          job ID                a job's state, counts, times and summary
          results ID            a job's results, one record a line (--csv, --json, --from N)
          jobs                  the jobs, newest first (--status S, --limit N)
          cancel ID             cancel a job
          watch ID              follow a job until it ends
          admin backup DIR      a consistent snapshot of the server's data directory, written
                                into the new or empty folder DIR (aura-server --restore DIR)
          keys ACTION           API keys: create, list, revoke ID, set-limit ID (admin key)
          call METHOD [JSON|-]  call any method of the schema
          health [SERVICE]      ask aura.Health/Check whether the server (or SERVICE) serves
          list                  the schema's methods with their shapes and message types
          help [COMMAND]        this text, or a command's

        TEXT is UTF-8 of at most 5,000 bytes (the server refuses more: INVALID_ARGUMENT); - reads
        it from stdin (all of it, less one final newline; for analyze, one text a line).

        \(optionsText)

        exit status:
          0      the call succeeded
          1-16   the call failed with that status code, after "aura-rpc: CODE_NAME: message"
                 on stderr (14 UNAVAILABLE when the server cannot be reached); for analyze -,
                 the status code of the first line that failed
          64     a bad command line, an unknown method, or a request that is not valid JSON
                 for its message type (no call is made; a stdin stream is cancelled)
        """

    private static let adminText = """
        usage: aura-rpc admin backup DIR

        aura.Admin/Backup: the server streams a consistent snapshot of its data directory (the
        job log up to the moment the call began, plugins.json, keys, every other state file)
        while it keeps serving; aura-rpc writes it into DIR, which must be new or empty, checks
        every file's size and SHA-256 against the manifest the server sends last, and writes
        DIR/MANIFEST only then. A folder without MANIFEST is an unfinished backup.
        Restore it with aura-server --restore DIR --data-dir TARGET (docs/OPERATIONS.md).
        The API key used needs the admin scope.
        """

    private static let optionsText = """
        options (before or after the command):
          --addr HOST:PORT      the server (default: $AURA_ADDR, else 127.0.0.1:7443)
          --deadline DURATION   how long the call may take, e.g. 500ms, 2s, 1m (default: none)
          --api-key KEY         the API key (default: $AURA_API_KEY, else the admin key the
                                server wrote to DIR/admin.key, readable on its machine)
          --data-dir DIR        the server's data directory, for its admin.key (default:
                                $AURA_DATA_DIR, else ./.aura-data, the server's default)
          --tls                 speak TLS (docs/TLS.md); the options below imply it
          --ca PATH             trust the CAs in this PEM file (default: the system's)
          --cert PATH           a client certificate (PEM), for servers that require one
          --key PATH            the client certificate's private key (PEM)
          --server-name NAME    the name the server's certificate must carry (default: the
                                host of --addr)
          --metadata KEY=VALUE  request metadata; repeatable; a KEY ending in -bin takes base64
          --show-metadata       print the server's initial and trailing metadata to stderr
          --trace               send a sampled W3C traceparent (a new trace, or the one given
                                with --metadata traceparent=...) so that a server with
                                --trace-file records the calls, and print its trace id to
                                stderr first (docs/TRACING.md)
          --json                machine output: compact JSON, one object per line (for the
                                service commands, the response message in proto3 JSON with
                                every field, defaults included)
          --help, -h            help
        """

    private static let callText = """
        usage: aura-rpc call METHOD [JSON|-] [OPTIONS]

        Calls METHOD (e.g. aura.TestService/UnaryCall; a leading slash is fine) with requests in
        proto3 JSON (field names as in aura.proto or in lowerCamelCase, bytes as base64, enums by
        name) and prints each response as it arrives: pretty JSON, or one compact line each with
        --json.

          unary, server streaming   JSON is one request object (default {});
                                    - reads that object from stdin
          client streaming, bidi    JSON is an array of request objects (or a single object);
                                    - reads newline-delimited objects from stdin and sends
                                    each one as soon as it is read

        `aura-rpc list` shows the methods. Examples:
          aura-rpc call aura.TestService/UnaryCall '{"responseSize": 10}'
          aura-rpc call aura.TestService/StreamingOutputCall --json \\
              '{"responseParameters": [{"size": 1}, {"size": 2}]}'
          printf '{"payload":{"body":"AAA="}}\\n{}\\n' | aura-rpc call aura.TestService/StreamingInputCall -
        """

    private static let healthText = """
        usage: aura-rpc health [SERVICE] [OPTIONS]

        Calls aura.Health/Check for SERVICE (e.g. aura.TestService; default: the whole server)
        and prints its serving status: SERVING, NOT_SERVING, SERVICE_UNKNOWN or UNKNOWN, then
        one line per alert the server has firing ("alert AuraLowCacheHitRate: cache hit rate
        ..."); alerts are warnings and leave the status SERVING. With --json, the response:
        {"status":"SERVING","alerts":[...]}. Exits 0 whenever the call succeeds, whatever the
        status or alerts; a service the server does not know is NOT_FOUND (exit 5).
        """

    private static let listText = """
        usage: aura-rpc list [--json]

        Lists every method of the schema (aura.proto, built in): its path, shape (unary, client
        streaming, server streaming, bidi streaming) and request and response types. With --json,
        one object per method: {"method":...,"shape":...,"requestType":...,"responseType":...}.
        No server is contacted.
        """
}
