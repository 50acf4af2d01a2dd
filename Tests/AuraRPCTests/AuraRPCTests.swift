import Foundation
import Testing

/// aura-rpc end to end: the real binaries, a server on an ephemeral port per test, and the
/// exit status, stdout and stderr of each command.
///
/// Exit statuses: 0 for success, the status code (1-16) for a failed call, 64 for a command
/// line that does not parse, an unknown method, or a request that is not valid JSON for its
/// type (aura-rpc checks those before it calls, so they are usage errors, not
/// INVALID_ARGUMENT from the server).
@Suite(.timeLimit(.minutes(1)))
struct AuraRPCTests {
    @Test func helpExitsZeroEverywhere() async throws {
        for arguments in [["--help"], ["-h"], ["call", "--help"], ["health", "--help"], ["list", "--help"], ["help", "call"], ["help"]] {
            let result = try await auraRPC(arguments)
            #expect(result.status == 0, "\(arguments): \(result)")
            #expect(result.stdout.contains("usage: aura-rpc"), "\(arguments): \(result)")
        }
        let call = try await auraRPC(["help", "call"])
        #expect(call.stdout.contains("aura-rpc call METHOD"))
    }

    @Test func usageErrorsExit64WithTheUsage() async throws {
        for arguments in [[], ["frobnicate"], ["--bogus", "list"], ["call"], ["--deadline", "soon", "health"], ["list", "--metadata"]] {
            let result = try await auraRPC(arguments)
            #expect(result.status == 64, "\(arguments): \(result)")
            #expect(result.stderr.hasPrefix("aura-rpc: "), "\(arguments): \(result)")
            #expect(result.stderr.contains("usage: aura-rpc"), "\(arguments): \(result)")
        }
    }

    @Test func listShowsEveryMethodWithItsShape() async throws {
        let result = try await auraRPC(["list"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("/aura.Health/Check"))
        #expect(result.lines.contains { $0.contains("/aura.TestService/StreamingInputCall") && $0.contains("client streaming") })
        #expect(result.lines.contains { $0.contains("/aura.TestService/FullDuplexCall") && $0.contains("bidi streaming") })
        let json = try await auraRPC(["list", "--json"])
        let methods = try json.lines.map(jsonObject)
        #expect(methods.contains { $0["method"] as? String == "/aura.TestService/UnaryCall" && $0["shape"] as? String == "unary" })
    }

    @Test func healthReportsServing() async throws {
        try await withServer { server in
            let plain = try await auraRPC(["health", "--addr", server.address])
            #expect(plain.status == 0, "\(plain)")
            #expect(plain.stdout == "SERVING\n")
            let json = try await auraRPC(["--json", "health", "aura.TestService"], environment: ["AURA_ADDR": server.address])
            #expect(json.status == 0, "\(json)")
            #expect(json.stdout == #"{"status":"SERVING","alerts":[]}"# + "\n")
            let unknown = try await auraRPC(["health", "aura.Nope", "--addr", server.address])
            #expect(unknown.status == 5, "\(unknown)")
            #expect(unknown.stderr.hasPrefix("aura-rpc: NOT_FOUND: "))
        }
    }

    /// aura.TestService is a test tool: without `--conformance` the server does not serve it.
    @Test func testServiceOnlyWithConformance() async throws {
        let server = try await ServerProcess.start(conformance: false)
        defer { server.stop() }
        let call = try await auraRPC(["--addr", server.address, "call", "aura.TestService/EmptyCall", "{}"])
        #expect(call.status == 12, "\(call)")  // UNIMPLEMENTED
        let health = try await auraRPC(["health", "aura.TestService", "--addr", server.address])
        #expect(health.status == 5, "\(health)")  // NOT_FOUND
    }

    @Test func emptyCall() async throws {
        try await withServer { server in
            let result = try await auraRPC(["--addr", server.address, "call", "aura.TestService/EmptyCall", "{}"])
            #expect(result.status == 0, "\(result)")
            #expect(result.stdout == "{}\n")
            #expect(result.stderr.isEmpty)
        }
    }

    @Test func unaryCallReturnsThePayloadInBase64() async throws {
        try await withServer { server in
            let pretty = try await auraRPC(["call", "/aura.TestService/UnaryCall", #"{"responseSize": 10}"#, "--addr", server.address])
            #expect(pretty.status == 0, "\(pretty)")
            #expect(pretty.lines.count > 1, "pretty JSON spans lines: \(pretty)")
            let json = try await auraRPC(["call", "aura.TestService/UnaryCall", #"{"response_size": 10}"#, "--addr", server.address, "--json"])
            #expect(json.status == 0, "\(json)")
            #expect(json.stdout == #"{"payload":{"body":"AAAAAAAAAAAAAA=="}}"# + "\n")
            for output in [pretty.stdout, json.stdout] {
                let payload = try #require(try jsonObject(output)["payload"] as? [String: Any])
                let body = try #require(payload["body"] as? String)
                #expect(Data(base64Encoded: body) == Data(count: 10))
            }
        }
    }

    @Test func failedCallExitsWithItsStatusCode() async throws {
        try await withServer { server in
            let result = try await auraRPC([
                "call", "aura.TestService/UnaryCall", #"{"responseStatus":{"code":5,"message":"nope"}}"#, "--addr", server.address,
            ])
            #expect(result.status == 5, "\(result)")
            #expect(result.stderr == "aura-rpc: NOT_FOUND: nope\n")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func serverStreamingPrintsOneJSONLinePerResponse() async throws {
        try await withServer { server in
            let request = #"{"responseParameters":[{"size":1},{"size":2},{"size":3}]}"#
            let result = try await auraRPC(["--json", "call", "aura.TestService/StreamingOutputCall", request, "--addr", server.address])
            #expect(result.status == 0, "\(result)")
            try #require(result.lines.count == 3, "\(result)")
            let sizes = try result.lines.map { line in
                let payload = try #require(try jsonObject(line)["payload"] as? [String: Any])
                return Data(base64Encoded: payload["body"] as? String ?? "")?.count
            }
            #expect(sizes == [1, 2, 3])
        }
    }

    @Test func clientStreamingTakesAnArrayOrLinesOnStdin() async throws {
        try await withServer { server in
            // 3 and 5 bytes.
            let array = #"[{"payload":{"body":"AAAA"}}, {"payload":{"body":"AAAAAAA="}}]"#
            let fromArray = try await auraRPC(["call", "aura.TestService/StreamingInputCall", array, "--json", "--addr", server.address])
            #expect(fromArray.status == 0, "\(fromArray)")
            #expect(fromArray.stdout == #"{"aggregatedPayloadSize":"8"}"# + "\n")

            let lines = "{\"payload\":{\"body\":\"AAAA\"}}\n\n{\"payload\":{\"body\":\"AAAAAAA=\"}}\n{}\n"
            let fromStdin = try await auraRPC(
                ["call", "aura.TestService/StreamingInputCall", "-", "--json", "--addr", server.address], stdin: lines)
            #expect(fromStdin.status == 0, "\(fromStdin)")
            #expect(fromStdin.stdout == #"{"aggregatedPayloadSize":"8"}"# + "\n")
        }
    }

    @Test func bidiStreamsStdinLinesAndPrintsEachResponse() async throws {
        try await withServer { server in
            let lines = #"{"responseParameters":[{"size":1}]}"# + "\n" + #"{"responseParameters":[{"size":2},{"size":3}]}"# + "\n"
            let result = try await auraRPC(
                ["call", "aura.TestService/FullDuplexCall", "-", "--json", "--addr", server.address], stdin: lines)
            #expect(result.status == 0, "\(result)")
            #expect(result.lines == [#"{"payload":{"body":"AA=="}}"#, #"{"payload":{"body":"AAA="}}"#, #"{"payload":{"body":"AAAA"}}"#])

            let bad = try await auraRPC(
                ["call", "aura.TestService/FullDuplexCall", "-", "--json", "--addr", server.address],
                stdin: #"{"responseParameters":[{"size":1}]}"# + "\nnot json\n")
            #expect(bad.status == 64, "\(bad)")
            #expect(bad.stderr.contains("stdin line 2"), "\(bad)")
        }
    }

    @Test func metadataGoesOutAndComesBack() async throws {
        try await withServer { server in
            let result = try await auraRPC([
                "call", "aura.TestService/EmptyCall", "{}", "--addr", server.address, "--show-metadata",
                "--metadata", "x-aura-echo-initial=hello", "--metadata=x-aura-echo-trailing-bin=AAEC",
            ])
            #expect(result.status == 0, "\(result)")
            #expect(result.stderr.contains("initial-metadata x-aura-echo-initial: hello"), "\(result)")
            #expect(result.stderr.contains("trailing-metadata x-aura-echo-trailing-bin: AAEC"), "\(result)")
        }
    }

    @Test func unknownMethodIsAUsageErrorThatPointsAtList() async throws {
        // No server: the method is checked against the schema before any connection.
        let result = try await auraRPC(["call", "aura.TestService/NoSuchCall", "{}", "--addr", "127.0.0.1:9"])
        #expect(result.status == 64, "\(result)")
        #expect(result.stderr.contains(#"unknown method "aura.TestService/NoSuchCall""#), "\(result)")
        #expect(result.stderr.contains("aura-rpc list"), "\(result)")
        let typo = try await auraRPC(["call", "aura.TestService/unarycall", "--addr", "127.0.0.1:9"])
        #expect(typo.stderr.contains("did you mean /aura.TestService/UnaryCall"), "\(typo)")
    }

    @Test func malformedJSONIsAUsageErrorNamingTheProblem() async throws {
        let method = "aura.TestService/UnaryCall"
        let notJSON = try await auraRPC(["call", method, #"{"responseSize": "#, "--addr", "127.0.0.1:9"])
        #expect(notJSON.status == 64, "\(notJSON)")
        #expect(notJSON.stderr.contains("not valid JSON"), "\(notJSON)")
        let badValue = try await auraRPC(["call", method, #"{"responseSize": "ten"}"#, "--addr", "127.0.0.1:9"])
        #expect(badValue.status == 64, "\(badValue)")
        #expect(badValue.stderr.contains("responseSize"), "\(badValue)")
        let unknownField = try await auraRPC(["call", method, #"{"responseSzie": 1}"#, "--addr", "127.0.0.1:9"])
        #expect(unknownField.status == 64, "\(unknownField)")
        #expect(unknownField.stderr.contains(#"unknown field "responseSzie""#), "\(unknownField)")
        let arrayForUnary = try await auraRPC(["call", method, "[{}]", "--addr", "127.0.0.1:9"])
        #expect(arrayForUnary.status == 64, "\(arrayForUnary)")
    }

    @Test func deadlineEndsASlowCall() async throws {
        try await withServer { server in
            let result = try await auraRPC([
                "--deadline", "100ms", "call", "aura.TestService/Sleep", #"{"durationMs": 60000}"#, "--addr", server.address,
            ])
            #expect(result.status == 4, "\(result)")
            #expect(result.stderr.hasPrefix("aura-rpc: DEADLINE_EXCEEDED"), "\(result)")
            // A minute's sleep against a 100 ms deadline: only the deadline can end the call this
            // early, however loaded the machine (the process's start-up counts too).
            #expect(result.elapsed < 30, "the deadline, not the 60 s sleep, ended the call: \(result)")
        }
    }

    @Test func noServerIsUnavailable() async throws {
        // A port that was just listened on and is now closed.
        let server = try await ServerProcess.start()
        server.stop()
        let result = try await auraRPC(["health", "--addr", server.address])
        #expect(result.status == 14, "\(result)")
        #expect(result.stderr.hasPrefix("aura-rpc: UNAVAILABLE: "), "\(result)")
        let call = try await auraRPC(["call", "aura.TestService/EmptyCall", "{}", "--addr", server.address, "--json"])
        #expect(call.status == 14, "\(call)")
    }
}
