/// The help texts of the commands that call the sentiment server's services.
extension HelpTopic {
    static let analyzeText = """
        usage: aura-rpc analyze TEXT|- [--language xx] [--redact] [--analyzer NAME@VERSION]
                                       [--redactor NAME@VERSION] [OPTIONS]

        The sentiment of TEXT (aura.Sentiment/Analyze), on one line:
          POSITIVE  (positive 0.91 negative 0.02 neutral 0.07 mixed 0.00, compound 0.84)  en  lexicon-sentiment@1.0.0 [cached]
        [cached] when the server's result cache answered. With --redact, the line goes on with
        what was redacted before the analysis, as Unicode scalar offsets into TEXT:
          ...  redacted by pattern-redactor@1.0.0: EMAIL 7-22

          --language xx           ISO 639-1 language of the text (default: detected)
          --redact                replace personal data before analyzing
          --analyzer NAME@VERSION a loaded analyzer other than the active one
          --redactor NAME@VERSION with --redact, a loaded redactor other than the active one

        With - instead of TEXT, each line of stdin is one text (an empty line is an empty
        text, which fails), all sent in ONE aura.Sentiment/AnalyzeStream session as the lines
        are read, each result printed as it arrives: output line N answers input line N. A line
        that fails prints "ERROR  CODE_NAME: message" in its place and the session goes on; at
        the end, if any line failed, aura-rpc says how many on stderr and exits with the status
        code of the first one (e.g. 3 for an empty or too long line).

        --json prints the aura.SentimentResult (with -, one aura.ItemResult per line).
        Examples:
          aura-rpc analyze "What a wonderful day"
          aura-rpc analyze --redact "Mail bob@example.com, the service was awful"
          tail -f reviews.txt | aura-rpc analyze - --json
        """

    static let redactText = """
        usage: aura-rpc redact TEXT|- [--mode replace|mask|hash] [--mask-char C]
                                      [--types TYPE,...] [--redactor NAME@VERSION] [OPTIONS]

        TEXT with its personal data replaced (aura.Privacy/Redact), printed as one line.

          --mode replace          "[EMAIL]" (the default)
          --mode mask             each Unicode scalar replaced by the mask character
          --mode hash             "[EMAIL:1f3a9c2b...]", a keyed hash: the same value gives
                                  the same token, so redacted texts can still be joined
          --mask-char C           the mask character (default *); implies --mode mask
          --types EMAIL,PHONE     only these entity types (default: all)
          --redactor NAME@VERSION a loaded redactor other than the active one

        --json prints the aura.RedactResponse: redactedText, the entities (with Unicode scalar
        offsets into TEXT) and the redactor.
        """

    static let detectPiiText = """
        usage: aura-rpc detect-pii TEXT|- [--redactor NAME@VERSION] [OPTIONS]

        The personal data in TEXT (aura.Privacy/DetectPii), one entity a line:
          TYPE BEGIN-END SCORE "matched text"
        e.g. EMAIL 7-22 0.95 "bob@example.com". BEGIN and END count Unicode scalars (code
        points) from the start of TEXT, END exclusive. Nothing is printed when nothing is found.
        --json prints the aura.DetectPiiResponse.
        """

    static let languageText = """
        usage: aura-rpc language TEXT|- [OPTIONS]

        The language TEXT is in, as the active analyzer sees it (aura.Language/Detect):
          es  0.75  lexicon-sentiment@1.0.0
        (the ISO 639-1 code, or "und" when undetermined; the confidence; the analyzer).
        --json prints the aura.DetectLanguageResponse.
        """

    static let pluginsText = """
        usage: aura-rpc plugins list [--stats] [OPTIONS]
               aura-rpc plugins load PATH [--config JSON] [--activate|--inactive] [--replace]
                                        [--isolation MODE] [OPTIONS]
               aura-rpc plugins activate NAME@VERSION [OPTIONS]
               aura-rpc plugins rollback KIND|NAME [OPTIONS]
               aura-rpc plugins pin NAME VERSION [OPTIONS]
               aura-rpc plugins unpin NAME [OPTIONS]
               aura-rpc plugins unload NAME@VERSION [OPTIONS]

        The plugins of a running server (aura.Plugins), one line each:
          analyzer  lexicon-sentiment@1.0.0  active  en,es,fr  sha256:3f2a...  /srv/plugins/libAuraPluginLexiconSentiment.so
        (kind, id, active or inactive, languages, the SHA-256 of the file loaded, the file), then
        one "pinned NAME@VERSION" line per pinned name. The third column adds "process" for a
        plugin in a worker process and "UNAVAILABLE" for one quarantined after repeated crashes
        (--json shows why in "status").

          list          every loaded plugin; --stats adds its figures since it was loaded:
                        calls, failures, timeouts (callers that stopped waiting), rejected
                        (its queue was full), crashes, and p50/p99 of the time inside it
          load PATH     loads a plugin .so (a relative PATH is made absolute from the current
                        directory; the server opens the file) and prints it; --config passes
                        the plugin a JSON object. --activate makes it the active one of its
                        kind; --inactive never does; without either, it becomes active when it
                        is the first of its kind or a newer version (semver) of the active one,
                        unless its name is pinned to another version. The same NAME@VERSION from
                        other bytes or with another config is ALREADY_EXISTS (exit 6) unless
                        --replace. Refusals: a file that is not a plugin (damaged, truncated,
                        NULL functions, a version that is not semver) or whose create() rejects
                        the config is INVALID_ARGUMENT (exit 3), another plugin ABI version or a
                        pin FAILED_PRECONDITION (9), a missing file NOT_FOUND (5); an API key
                        without the admin scope, PERMISSION_DENIED (7). --isolation process
                        runs the plugin in a worker process of its own (a crash, exit, hang or
                        leak there ends only the worker); --isolation inline calls it on the
                        server's event loops, without the hop to its worker threads (only for a
                        plugin that never blocks); in-process is the default
          activate ID   new calls go to plugin ID (NAME@VERSION); calls in flight finish on
                        the one they started with
          rollback K|N  makes the previously active plugin of kind K (analyzer, redactor), or of
                        the kind whose active plugin is named N, active again; each rollback goes
                        one step further back
          pin N V       only version V of plugin N may become active (at once if it is loaded and
                        N is active); later loads of other versions stay inactive
          unpin N       N follows the latest version again (from its next load)
          unload ID     forgets plugin ID; the active plugin of a kind cannot be unloaded
                        (FAILED_PRECONDITION, exit 9): activate another first

        The server saves the loaded set, the active choices and the pins in its data directory
        and restores them when it starts.
        --json prints the response: aura.PluginList, aura.PluginInfo, or {} for unload, pin, unpin.
        """

    static let dlqText = """
        usage: aura-rpc dlq list [--limit N] [OPTIONS]

        The most recent failed requests the server kept (aura.DeadLetters/List), newest first,
        one a line:
          2026-11-25T12:00:00.123Z  req-1764072000123-7  aura.Sentiment/Analyze  INTERNAL  plugin failure ...
        (the time in ISO-8601 UTC, the request id, the method, the status code, the error; then
        the text as a JSON string when the server runs with --dlq-keep-text). Nothing is
        printed when the list is empty.

          --limit N     at most N letters (default: all the server keeps)

        --json prints the aura.DeadLetterList.
        """

    static let statsText = """
        usage: aura-rpc stats [OPTIONS]

        The sentiment service's counters (aura.Sentiment/Stats): result cache hits, misses,
        entries and bytes, and plugin failures, one "name  value" line each.
        --json prints the aura.AnalyzerStats (64-bit counters are JSON strings, as in proto3).
        """

    static let serverStatsText = """
        usage: aura-rpc server-stats [--watch] [OPTIONS]

        The server's own figures (aura.Admin/Stats, needs the admin scope): uptime, memory,
        connections, calls and errors, cache hit rate, job queue and job-log fsync latency,
        sentiments, plugins, per-key usage, firing alerts, and per method the calls, errors
        and latency p50/p95/p99. docs/METRICS.md describes each figure.
          --watch       redraw every second (a live view on the terminal) until Ctrl-C
        --json prints the aura.ServerStats (with --watch, one a second).
        """

    static let keysText = """
        usage: aura-rpc keys create [--scopes SCOPE,...] [--rate N [--burst N]] [OPTIONS]
               aura-rpc keys list [OPTIONS]
               aura-rpc keys revoke ID [OPTIONS]
               aura-rpc keys set-limit ID --rate N [--burst N] [OPTIONS]

        The API keys of a running server (aura.Keys; the key used needs the admin scope, as
        the admin key the server wrote on its first start has). Scopes: analyze (sentiment,
        privacy, language), jobs (jobs, dead letters), admin (plugins, keys, admin).
          create        a new key (default scope: analyze; no limit unless --rate). Prints
                        its token, aura_<id>_<secret>, on stdout: it is shown only this once
          list          every key: ID, enabled or revoked, scopes, limit, creation time
          revoke ID     disable key ID from its next call on (it stays listed)
          set-limit ID  a new limit: --rate N calls/s sustained (0: no limit), --burst N at
                        once (default: N of the rate)
        Changes apply at once, without a restart. Over its limit a call fails with
        RESOURCE_EXHAUSTED and metadata retry-after: the seconds to wait (e.g. 0.250).
        """
}
