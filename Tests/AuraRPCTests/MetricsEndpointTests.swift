import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport
import Testing

/// The metrics of a real aura-server: its /metrics endpoint scraped by a real Prometheus
/// (Debian's `prometheus` package, which `.ci/run` installs), the alerting rules of deploy/
/// checked by `promtool`, and `aura-rpc server-stats`.
@Suite(.serialized) struct MetricsEndpointTests {
    static let prometheus = ["/usr/bin/prometheus", "/usr/local/bin/prometheus"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let promtool = ["/usr/bin/promtool", "/usr/local/bin/promtool"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// A server with --metrics-addr on an ephemeral port, and that port.
    private func startServer(alertInterval: String = "3600s") async throws -> (ServerProcess, Int) {
        let server = try await ServerProcess.start(
            plugins: ["LexiconSentiment"], arguments: ["--metrics-addr", "127.0.0.1:0", "--alert-interval", alertInterval], conformance: false)
        let line = server.standardOutput.split(separator: "\n").first { $0.hasPrefix("aura-server metrics on 127.0.0.1:") }
        guard let line, let port = Int(line.split(separator: ":").last ?? "") else {
            server.stop()
            throw ServerProcess.StartFailure(description: "no metrics line in: \(server.standardOutput)")
        }
        return (server, port)
    }

    private func analyze(_ server: ServerProcess, _ text: String) async throws {
        let result = try await auraRPC(["--addr", server.address, "call", "aura.Sentiment/Analyze", #"{"text":"\#(text)"}"#])
        #expect(result.status == 0, "\(result)")
    }

    @Test(.enabled(if: prometheus != nil, "the prometheus binary is not installed (apt-get install prometheus; .ci/run does)"))
    func prometheusScrapesTheCallCounter() async throws {
        let (server, metricsPort) = try await startServer()
        defer { server.stop() }
        for text in ["a fine day", "a terrible day", "a fine day"] { try await analyze(server, text) }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aura-prometheus-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try """
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: ["\(Self.repositoryFile("deploy/prometheus-alerts.yml"))"]
            scrape_configs:
              - job_name: aura
                static_configs:
                  - targets: ["127.0.0.1:\(metricsPort)"]
            """.write(to: folder.appendingPathComponent("prometheus.yml"), atomically: true, encoding: .utf8)
        let webPort = try FreePort.pick()
        let prometheus = Process()
        prometheus.executableURL = URL(fileURLWithPath: Self.prometheus!)
        prometheus.arguments = [
            "--config.file=\(folder.path)/prometheus.yml", "--storage.tsdb.path=\(folder.path)/data",
            "--web.listen-address=127.0.0.1:\(webPort)",
        ]
        let log = Pipe()
        prometheus.standardOutput = log
        prometheus.standardError = log
        let prometheusLog = PipeReader(log.fileHandleForReading)
        try prometheus.run()
        defer {
            prometheus.terminate()
            if !waitForExit(prometheus, timeout: 10) { kill(prometheus.processIdentifier, SIGKILL) }
        }

        let query = #"sum(aura_rpc_server_calls_total{method="aura.Sentiment/Analyze",code="OK"})"#
        let value = try await Self.poll(until: .now + .seconds(60)) { () -> Double? in
            guard let value = try? await Self.query(query, port: webPort), value == 3 else { return nil }
            return value
        }
        #expect(value == 3, "Prometheus never saw 3 Analyze calls; its log: \(prometheusLog.text.suffix(2000))")
        // The rules of deploy/ loaded too: Prometheus evaluates them without errors.
        let health = try await Self.poll(until: .now + .seconds(30)) { () -> String? in
            guard let text = try? await Self.get("http://127.0.0.1:\(webPort)/api/v1/rules"), text.contains(#""health":"ok""#) else { return nil }
            return text
        }
        #expect(health != nil && !(health!.contains(#""health":"err""#)), "rules: \(health ?? "")")
    }

    @Test func theEndpointServesEveryDocumentedFamilyAndRefusesOtherRequests() async throws {
        let (server, metricsPort) = try await startServer()
        defer { server.stop() }
        try await analyze(server, "what a lovely morning")
        let text = try await Self.get("http://127.0.0.1:\(metricsPort)/metrics")
        #expect(Self.documentedFamilies().count == 22)
        for family in Self.documentedFamilies() {
            #expect(text.contains("# TYPE \(family) "), "\(family) is in docs/METRICS.md but not exported")
        }
        #expect(text.contains(#"aura_rpc_server_calls_total{method="aura.Sentiment/Analyze",code="OK"} 1"#))
        #expect(text.contains(#"aura_sentiment_results_total{sentiment="POSITIVE"} 1"#))
        #expect(text.contains(#"aura_plugin_info{kind="analyzer",name="#))
        #expect(try await Self.get("http://127.0.0.1:\(metricsPort)/healthz") == "ok\n")
        #expect(try await Self.status("http://127.0.0.1:\(metricsPort)/nothing") == 404)
        #expect(try await Self.status("http://127.0.0.1:\(metricsPort)/metrics", method: "POST") == 405)
    }

    @Test(.enabled(if: promtool != nil, "promtool is not installed (it comes with the prometheus package)"))
    func theAlertingRulesPassPromtoolAndNameExportedMetrics() async throws {
        let path = Self.repositoryFile("deploy/prometheus-alerts.yml")
        let check = Process()
        check.executableURL = URL(fileURLWithPath: Self.promtool!)
        check.arguments = ["check", "rules", path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        let reader = PipeReader(output.fileHandleForReading)
        try check.run()
        #expect(await onOwnThread { waitForExit(check, timeout: 30) })
        #expect(check.terminationStatus == 0 && reader.text.contains("SUCCESS: 4 rules found"), "\(reader.text)")

        let rules = try String(contentsOfFile: path, encoding: .utf8)
        let named = Set(rules.matches(of: /aura_[a-z_]+/).map { String($0.output) })
        let documented = Set(Self.documentedFamilies())
        #expect(named.count >= 5 && documented.count == 22)
        for name in named {
            let family = name.hasSuffix("_bucket") ? String(name.dropLast(7)) : name
            #expect(documented.contains(family), "the rules name \(name), which the server does not export")
        }
        for alert in ["AuraHighErrorRate", "AuraHighLatencyP99", "AuraLowCacheHitRate", "AuraJobQueueBacklog"] {
            #expect(rules.contains("alert: \(alert)"))
        }
    }

    @Test func serverStatsReportsCallsAndPlugins() async throws {
        let (server, _) = try await startServer()
        defer { server.stop() }
        try await analyze(server, "good")
        let json = try await auraRPC(["--addr", server.address, "server-stats", "--json"])
        #expect(json.status == 0, "\(json)")
        #expect(json.stdout.contains(#""method":"aura.Sentiment/Analyze","rpcType":"unary","calls":"1""#), "\(json.stdout)")
        #expect(json.stdout.contains(#""plugins":[{"kind":"analyzer""#), "\(json.stdout)")
        let text = try await auraRPC(["--addr", server.address, "server-stats"])
        #expect(text.status == 0 && text.stdout.contains("aura.Sentiment/Analyze") && text.stdout.contains("alerts none"), "\(text)")
    }

    /// An alert the server raises shows in aura.Health/Check (and `aura-rpc health`) while it
    /// fires, with the status still SERVING, and is gone once it clears.
    @Test func healthShowsAFiringAlertUntilItClears() async throws {
        let (server, _) = try await startServer(alertInterval: "1s")
        defer { server.stop() }
        var texts = 0
        // Texts never seen before miss the result cache, so a window with one has a 0% hit
        // rate. Each attempt analyzes one first: a slow attempt may let a window pass without
        // lookups, which clears the alert until the next.
        func healthWhileMissing(_ options: [String], until shows: (String) -> Bool) async throws -> String? {
            try await Self.poll(until: .now + .seconds(60)) { () -> String? in
                texts += 1
                try await analyze(server, "an unseen day number \(texts)")
                let health = try await auraRPC(["--addr", server.address] + options + ["health"])
                #expect(health.status == 0, "\(health)")
                return shows(health.stdout) ? health.stdout : nil
            }
        }
        let text = try await healthWhileMissing([]) { $0.contains("\nalert AuraLowCacheHitRate: cache hit rate 0.0% of ") }
        #expect(text?.hasPrefix("SERVING\n") == true, "never saw the alert, or not SERVING: \(text ?? "")")
        let json = try await healthWhileMissing(["--json"]) { $0.contains(#""name":"AuraLowCacheHitRate""#) }
        #expect(json?.hasPrefix(#"{"status":"SERVING","alerts":[{"name":"AuraLowCacheHitRate","message":"cache hit rate 0.0% of "#) == true, "\(json ?? "")")

        // No more lookups: the next window has nothing to judge, and the alert clears.
        let cleared = try await Self.poll(until: .now + .seconds(60)) { () -> String? in
            let health = try await auraRPC(["--addr", server.address, "health"])
            return health.stdout.contains("alert ") ? nil : health.stdout
        }
        #expect(cleared == "SERVING\n")
    }

    /// The metric names docs/METRICS.md lists (lines starting "| `aura_...`").
    static func documentedFamilies() -> [String] {
        let text = (try? String(contentsOfFile: repositoryFile("docs/METRICS.md"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard line.hasPrefix("| `aura_"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        }
    }

    static func repositoryFile(_ relative: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent(relative).path
    }

    /// Runs `attempt` until it returns a value or `deadline` passes (then nil), pausing 200 ms
    /// between attempts: Prometheus scrapes on its own schedule.
    static func poll<T>(until deadline: ContinuousClock.Instant, _ attempt: () async throws -> T?) async throws -> T? {
        while ContinuousClock.now < deadline {
            if let value = try await attempt() { return value }
            try await Task.sleep(for: .milliseconds(200))
        }
        return nil
    }

    /// The value of an instant `query`'s single result through Prometheus's HTTP API.
    static func query(_ query: String, port: Int) async throws -> Double? {
        var components = URLComponents(string: "http://127.0.0.1:\(port)/api/v1/query")!
        components.queryItems = [URLQueryItem(name: "query", value: query)]
        let body = try await get(components.url!.absoluteString)
        guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any],
              object["status"] as? String == "success",
              let data = object["data"] as? [String: Any], let result = data["result"] as? [[String: Any]],
              let value = result.first?["value"] as? [Any], value.count == 2, let text = value[1] as? String
        else { return nil }
        return Double(text)
    }

    static func get(_ url: String) async throws -> String {
        let (data, _) = try await URLSession.shared.data(from: URL(string: url)!)
        return String(decoding: data, as: UTF8.self)
    }

    static func status(_ url: String, method: String = "GET") async throws -> Int {
        var request = URLRequest(url: URL(string: url)!)
        request.httpMethod = method
        let (_, response) = try await URLSession.shared.data(for: request)
        return (response as? HTTPURLResponse)?.statusCode ?? 0
    }
}

/// A TCP port of 127.0.0.1 nobody listens on right now (bound to port 0 and released), for a
/// child process that must be told its port.
enum FreePort {
    static func pick() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.EMFILE) }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
