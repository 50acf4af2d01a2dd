import Foundation
import Testing

/// The service commands (analyze, redact, detect-pii, language, plugins, dlq, stats) end to
/// end: a real aura-server per test with exactly the plugins the test copies in, and aura-rpc.
@Suite(.timeLimit(.minutes(1)))
struct ServiceCommandTests {
    /// The default analyzer and redactor.
    static let plugins = ["LexiconSentiment", "PatternRedactor"]
    static let positive = "I love this, it is wonderful and the staff were great"
    static let negative = "This is terrible, awful service, I hate it"

    @Test func analyzeLabelsATextAndTheCacheAnswersTheSecondCall() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let good = try await auraRPC(["analyze", Self.positive, "--addr", server.address])
            #expect(good.status == 0, "\(good)")
            #expect(good.stdout.hasPrefix("POSITIVE  (positive "), "\(good)")
            #expect(good.stdout.contains("  en  lexicon-sentiment@"), "\(good)")
            #expect(!good.stdout.contains("[cached]"), "\(good)")

            let bad = try await auraRPC(["analyze", Self.negative, "--addr", server.address])
            #expect(bad.status == 0, "\(bad)")
            #expect(bad.stdout.hasPrefix("NEGATIVE  "), "\(bad)")

            let again = try await auraRPC(["analyze", Self.positive, "--addr", server.address])
            #expect(again.stdout.hasPrefix("POSITIVE  "), "\(again)")
            #expect(again.stdout.hasSuffix(" [cached]\n"), "\(again)")

            let json = try jsonObject(try await auraRPC(["analyze", Self.positive, "--json", "--addr", server.address]).stdout)
            #expect(json["sentiment"] as? String == "POSITIVE")
            #expect(json["cached"] as? Bool == true)
            #expect((json["scores"] as? [String: Any])?["mixed"] as? Double == 0, "defaults are included: \(json)")
        }
    }

    @Test func analyzeWithRedactShowsWhatWasRedacted() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let result = try await auraRPC(["analyze", "--redact", "Mail bob@example.com, the service was awful", "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("NEGATIVE  "), "\(result)")
            #expect(result.stdout.contains("redacted by pattern-redactor@1.0.0: EMAIL 5-20"), "\(result)")
        }
    }

    @Test func analyzeStdinGivesOneOrderedResultPerLine() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let lines = [Self.positive, Self.negative, "Excellent, I am so happy with it"].joined(separator: "\n") + "\n"
            let result = try await auraRPC(["analyze", "-", "--addr", server.address], stdin: lines)
            #expect(result.status == 0, "\(result)")
            try #require(result.lines.count == 3, "\(result)")
            #expect(result.lines.map { $0.prefix(8) } == ["POSITIVE", "NEGATIVE", "POSITIVE"], "\(result)")

            let json = try await auraRPC(["analyze", "-", "--json", "--addr", server.address], stdin: lines)
            let indexes = try json.lines.map { try jsonObject($0)["index"] as? Int }
            #expect(indexes == [0, 1, 2], "\(json)")
        }
    }

    @Test func aFailedLineIsReportedInPlaceAndTheSessionGoesOn() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let lines = "\(Self.positive)\n\n\(Self.negative)\n"
            let result = try await auraRPC(["analyze", "-", "--addr", server.address], stdin: lines)
            #expect(result.status == 3, "the first failed line's code, INVALID_ARGUMENT: \(result)")
            try #require(result.lines.count == 3, "\(result)")
            #expect(result.lines[0].hasPrefix("POSITIVE"))
            #expect(result.lines[1] == "ERROR  INVALID_ARGUMENT: text is empty", "\(result)")
            #expect(result.lines[2].hasPrefix("NEGATIVE"))
            #expect(result.stderr.hasPrefix("aura-rpc: INVALID_ARGUMENT: 1 of 3 lines failed; the first, line 2"), "\(result)")
        }
    }

    @Test func analyzeStdinAnswersEachLineBeforeInputEnds() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let command = try RunningCommand(["analyze", "-", "--addr", server.address])
            command.write(Self.positive + "\n")
            let first = await command.waitForLines(1, timeout: 5)
            command.write(Self.negative + "\n")
            let second = await command.waitForLines(2, timeout: 5)
            let result = await command.finish()
            #expect(first, "the first result came while stdin was still open: \(result)")
            #expect(second, "\(result)")
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.map { $0.prefix(8) } == ["POSITIVE", "NEGATIVE"], "\(result)")
        }
    }

    @Test func redactInEachMode() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let text = "Write to bob@example.com or alice@example.org, bob@example.com again"
            let replace = try await auraRPC(["redact", text, "--addr", server.address])
            #expect(replace.status == 0, "\(replace)")
            #expect(replace.stdout == "Write to [EMAIL] or [EMAIL], [EMAIL] again\n", "\(replace)")

            let mask = try await auraRPC(["redact", text, "--mode", "mask", "--mask-char", "#", "--addr", server.address])
            #expect(mask.stdout == "Write to ############### or #################, ############### again\n", "\(mask)")

            let hash = try await auraRPC(["redact", text, "--mode", "hash", "--addr", server.address])
            #expect(hash.status == 0, "\(hash)")
            let tokens = hash.stdout.matches(of: /\[EMAIL:[0-9a-f]+\]/).map { String($0.output) }
            try #require(tokens.count == 3, "\(hash)")
            #expect(tokens[0] == tokens[2], "the same email, the same token: \(hash)")
            #expect(tokens[0] != tokens[1], "another email, another token: \(hash)")

            let json = try jsonObject(try await auraRPC(["redact", text, "--json", "--addr", server.address]).stdout)
            #expect((json["entities"] as? [Any])?.count == 3, "\(json)")

            let badMode = try await auraRPC(["redact", text, "--mode", "shred", "--addr", server.address])
            #expect(badMode.status == 64, "\(badMode)")
        }
    }

    @Test func detectPiiOffsetsCountUnicodeScalars() async throws {
        try await withServer(plugins: Self.plugins) { server in
            // 👍🏽 is one Character, two scalars and eight UTF-8 bytes.
            let prefix = "Great 👍🏽 write to "
            let begin = prefix.unicodeScalars.count
            let result = try await auraRPC(["detect-pii", prefix + "bob@example.com", "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.count == 1, "\(result)")
            #expect(result.stdout.hasPrefix("EMAIL \(begin)-\(begin + 15) "), "\(result)")
            #expect(result.stdout.hasSuffix(#" "bob@example.com""# + "\n"), "\(result)")
        }
    }

    @Test func pluginsListShowsTheActiveAnalyzer() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let result = try await auraRPC(["plugins", "list", "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            #expect(result.lines.count == 2, "exactly the plugins the test copied in: \(result)")
            let analyzer = try #require(result.lines.first { $0.hasPrefix("analyzer  lexicon-sentiment@") }, "\(result)")
            #expect(analyzer.contains("  active  "), "\(result)")
            #expect(analyzer.contains("en,"), "languages: \(result)")
            #expect(analyzer.hasSuffix("/libAuraPluginLexiconSentiment.so"), "\(result)")
        }
    }

    @Test func loadingAFileThatIsNotAPluginIsInvalidArgument() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let file = server.dataDirectory.appendingPathComponent("not-a-plugin.so")
            try Data("just text\n".utf8).write(to: file)
            let result = try await auraRPC(["plugins", "load", file.path, "--addr", server.address])
            #expect(result.status == 3, "\(result)")
            #expect(result.stderr.hasPrefix("aura-rpc: INVALID_ARGUMENT: \(file.path) is not a loadable plugin"), "\(result)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func unloadingTheActivePluginIsFailedPrecondition() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let list = try await auraRPC(["plugins", "list", "--json", "--addr", server.address])
            let plugins = try #require(try jsonObject(list.stdout)["plugins"] as? [[String: Any]], "\(list)")
            let analyzer = try #require(plugins.first { $0["kind"] as? String == "analyzer" }?["id"] as? String, "\(list)")
            let result = try await auraRPC(["plugins", "unload", analyzer, "--addr", server.address])
            #expect(result.status == 9, "\(result)")
            #expect(result.stderr.hasPrefix("aura-rpc: FAILED_PRECONDITION: "), "\(result)")
        }
    }

    @Test func languageOfASpanishSentence() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let sentence = "Hola, me gusta mucho esta ciudad y la comida es muy buena"
            let result = try await auraRPC(["language", sentence, "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.hasPrefix("es  "), "\(result)")
            let json = try jsonObject(try await auraRPC(["language", "-", "--json", "--addr", server.address], stdin: sentence + "\n").stdout)
            #expect(json["language"] as? String == "es")
        }
    }

    @Test func deadLetterListWorksWhenEmpty() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let result = try await auraRPC(["dlq", "list", "--limit", "10", "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout.isEmpty, "\(result)")
            let json = try await auraRPC(["dlq", "list", "--json", "--addr", server.address])
            #expect(json.stdout == #"{"letters":[]}"# + "\n", "\(json)")
        }
    }

    @Test func statsCountAHitAfterARepeatedAnalyze() async throws {
        try await withServer(plugins: Self.plugins) { server in
            for _ in 0..<2 {
                let result = try await auraRPC(["analyze", Self.positive, "--addr", server.address])
                #expect(result.status == 0, "\(result)")
            }
            let stats = try await auraRPC(["stats", "--addr", server.address])
            #expect(stats.status == 0, "\(stats)")
            #expect(stats.lines.contains("cache hits       1"), "\(stats)")
            #expect(stats.lines.contains("cache misses     1"), "\(stats)")
            let json = try jsonObject(try await auraRPC(["stats", "--json", "--addr", server.address]).stdout)
            #expect(json["cacheHits"] as? String == "1", "\(json)")
            #expect(json["pluginFailures"] as? String == "0", "\(json)")
        }
    }

    @Test func aTextOverTheLimitIsInvalidArgument() async throws {
        try await withServer(plugins: Self.plugins) { server in
            let long = String(repeating: "a", count: 5001)
            let argument = try await auraRPC(["analyze", long, "--addr", server.address])
            #expect(argument.status == 3, "\(argument)")
            #expect(argument.stderr.contains("5001 bytes"), "\(argument)")
            let stdin = try await auraRPC(["redact", "-", "--addr", server.address], stdin: long)
            #expect(stdin.status == 3, "\(stdin)")
        }
    }

    @Test func everyCommandHasHelpAndTheMainHelpListsThem() async throws {
        let main = try await auraRPC(["--help"])
        for command in ["analyze", "redact", "detect-pii", "language", "plugins", "dlq", "stats", "call", "health", "list"] {
            #expect(main.stdout.contains("\n  \(command) "), "\(command) in: \(main)")
            let help = try await auraRPC([command, "--help"])
            #expect(help.status == 0, "\(command): \(help)")
            #expect(help.stdout.hasPrefix("usage: aura-rpc \(command)"), "\(command): \(help)")
        }
    }

    @Test func optionsOfAnotherCommandAndMissingTextsAreUsageErrors() async throws {
        // No server: these are refused before any call.
        for arguments in [["health", "--mode", "mask"], ["analyze"], ["redact", "a", "b"], ["plugins"], ["plugins", "list", "--activate"],
                          ["plugins", "frob"], ["dlq"], ["dlq", "list", "--limit", "-1"], ["stats", "extra"]] {
            let result = try await auraRPC(arguments + ["--addr", "127.0.0.1:9"])
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.contains("usage: aura-rpc"), "\(arguments): \(result)")
        }
        let misplaced = try await auraRPC(["health", "--mode", "mask", "--addr", "127.0.0.1:9"])
        #expect(misplaced.stderr.contains("it belongs to: redact"), "\(misplaced)")
    }
}
