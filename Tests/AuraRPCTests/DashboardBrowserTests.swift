import Foundation
import TestSupport
import Testing

/// The dashboard of a real aura-server under load, opened in a real browser: Debian's
/// headless `chromium` (which `.ci/run` installs) renders the page, runs its script against
/// the live series, and the test reads the DOM it produced: every chart drew points, no
/// script error. It also saves a screenshot (to $AURA_DASHBOARD_SCREENSHOT when set, which is
/// how docs/images/dashboard.png is made).
@Suite(.serialized) struct DashboardBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let charts = [
        "calls", "errorRate", "latency", "cacheHitRate", "connections", "memory", "loopBusy", "jobQueue", "fsync",
        "sentiment", "processed", "keys", "sla", "cost",
    ]

    @Test(.enabled(if: chromium != nil, "chromium is not installed (apt-get install chromium; .ci/run does)"))
    func everyChartDrawsPointsInARealBrowserWithoutErrors() async throws {
        let server = try await ServerProcess.start(
            plugins: ["LexiconSentiment"], arguments: ["--metrics-addr", "127.0.0.1:0", "--alert-interval", "3600s"], conformance: false)
        defer { server.stop() }
        let line = server.standardOutput.split(separator: "\n").first { $0.hasPrefix("aura-server metrics on 127.0.0.1:") }
        let metricsPort = try #require(line.flatMap { Int($0.split(separator: ":").last ?? "") }, "\(server.standardOutput)")
        let dashboard = "http://127.0.0.1:\(metricsPort)/dashboard"

        // Load until the pictures are taken: analyses of every sentiment (repeated, so the cache
        // hits) with the admin key and with a second key, and a document job.
        let created = try await auraRPC(["keys", "create", "--scopes", "analyze", "--addr", server.address])
        let analyzeKey = try #require(created.stdout.split(whereSeparator: \.isWhitespace).first.map(String.init), "\(created)")
        let load = [[], ["--api-key", analyzeKey]].map { key in
            Task {
                let texts = ["I love it", "this is awful", "ok fine", "I love it but it is awful", "a calm day", "what a great result"]
                var index = 0
                while !Task.isCancelled {
                    _ = try? await auraRPC(["--addr", server.address] + key + ["call", "aura.Sentiment/Analyze", #"{"text":"\#(texts[index % texts.count])"}"#])
                    index += 1
                }
            }
        }
        defer { load.forEach { $0.cancel() } }
        let document = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
        let job = try await auraRPC(["submit", document, "--wait"], on: server, timeout: 60)
        #expect(job.status == 0, "\(job)")
        // The sampler records a point a second: wait until the series hold calls in several
        // seconds (many more for the picture in the README) and the job.
        let busySeconds = ProcessInfo.processInfo.environment["AURA_DASHBOARD_SCREENSHOT"] == nil ? 3 : 90
        let series = try await MetricsEndpointTests.poll(until: .now + .seconds(60 + busySeconds)) { () -> [String: Any]? in
            guard let text = try? await MetricsEndpointTests.get("\(dashboard)/series.json"),
                  let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
                  let today = json["today"] as? [String: Any], (today["documents"] as? Int ?? 0) >= 1, (today["positive"] as? Int ?? 0) >= 2,
                  let calls = (json["series"] as? [String: Any])?["calls"] as? [Any], calls.filter({ ($0 as? Int ?? 0) > 0 }).count >= busySeconds
            else { return nil }
            return json
        }
        #expect(series != nil, "the series never showed the load")

        let dom = try await Self.runChromium(["--dump-dom", dashboard])
        #expect(dom.status == 0, "chromium: \(dom.stderr.suffix(2000))")
        #expect(dom.stdout.contains(#"data-state="ready""#), "the page never rendered the series: \(dom.stdout.prefix(3000))")
        #expect(dom.stdout.contains(#"data-errors="0""#) && dom.stdout.contains(#"<pre id="errors" hidden="">"#),
                "the page recorded errors: \(dom.stdout.prefix(3000))")
        let drawn = Self.pointsPerChart(in: dom.stdout)
        for chart in Self.charts {
            #expect((drawn[chart] ?? 0) > 0, "chart \(chart) drew no points (drawn: \(drawn))")
        }
        #expect(Set(drawn.keys) == Set(Self.charts), "the page's charts: \(drawn.keys.sorted())")
        #expect(dom.stdout.contains("aura.Sentiment</td><td class=\"ok\">SERVING"), "health table: \(dom.stdout.prefix(3000))")
        #expect(dom.stdout.contains("analyzer lexicon-sentiment (active)"), "plugins table")
        let consoleErrors = dom.stderr.split(separator: "\n").filter { $0.contains("CONSOLE") || $0.contains("Uncaught") }
        #expect(consoleErrors.isEmpty, "console: \(consoleErrors)")

        let screenshot = ProcessInfo.processInfo.environment["AURA_DASHBOARD_SCREENSHOT"]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("aura-dashboard-\(UUID().uuidString).png").path
        let shot = try await Self.runChromium(["--screenshot=\(screenshot)", "--window-size=1400,1500", "--hide-scrollbars", dashboard])
        #expect(shot.status == 0, "chromium: \(shot.stderr.suffix(2000))")
        load.forEach { $0.cancel() }
        let png = try Data(contentsOf: URL(fileURLWithPath: screenshot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "screenshot of \(png.count) bytes")
    }

    /// `data-points` of every element with `data-chart`, by chart name, as the DOM dump shows them.
    static func pointsPerChart(in dom: String) -> [String: Int] {
        var drawn: [String: Int] = [:]
        for match in dom.matches(of: /<div [^>]*data-chart="(\w+)"[^>]*>/) {
            let tag = String(match.output.0)
            let points = tag.firstMatch(of: /data-points="(\d+)"/).flatMap { Int($0.output.1) } ?? 0
            drawn[String(match.output.1)] = points
        }
        return drawn
    }

    /// Runs headless chromium with a profile of its own (so runs beside each other do not
    /// share one) and the page's scripts given 6 s of virtual time: several polls.
    static func runChromium(_ arguments: [String]) async throws -> CommandResult {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("aura-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium!)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=6000",
        ] + arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        let stdout = PipeReader(output.fileHandleForReading), stderr = PipeReader(errors.fileHandleForReading)
        let start = Date()
        try process.run()
        let exited = await onOwnThread { waitForExit(process, timeout: 90) }
        if !exited {
            kill(process.processIdentifier, SIGKILL)
            _ = await onOwnThread { waitForExit(process, timeout: 10) }
        }
        _ = await onOwnThread { stdout.waitForEnd(timeout: 10) && stderr.waitForEnd(timeout: 10) }
        return CommandResult(
            status: exited ? process.terminationStatus : -1, stdout: stdout.text, stderr: stderr.text,
            elapsed: Date().timeIntervalSince(start), timedOut: !exited)
    }
}
