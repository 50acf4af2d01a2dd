import Foundation
import TestSupport
import Testing

/// deploy/grafana-dashboard.json against a real aura-server: every PromQL expression in it
/// parses (Prometheus's own parser, through `promtool check rules`) and names only metrics the
/// server's /metrics really exports.
@Suite(.serialized) struct GrafanaDashboardTests {
    static let path = MetricsEndpointTests.repositoryFile("deploy/grafana-dashboard.json")

    /// Every `expr` in the dashboard, panels and rows alike.
    static func expressions() throws -> [String] {
        func collect(_ value: Any) -> [String] {
            switch value {
            case let object as [String: Any]: object.flatMap { key, value in key == "expr" ? [value as? String ?? ""] : collect(value) }
            case let array as [Any]: array.flatMap(collect)
            default: []
            }
        }
        return collect(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The expression with Grafana's variables given values, as Grafana sends it to Prometheus.
    static func substituted(_ expression: String) -> String {
        expression.replacingOccurrences(of: "$__rate_interval", with: "1m").replacingOccurrences(of: "$__range", with: "6h")
            .replacingOccurrences(of: "$job", with: "aura")
    }

    /// The metric names an expression selects: identifiers that are not functions, keywords,
    /// label names in matchers or grouping clauses, strings or durations.
    static func metricNames(in expression: String) -> Set<String> {
        let keywords: Set<String> = ["and", "or", "unless", "bool", "offset", "inf", "nan", "by", "without", "on", "ignoring", "group_left", "group_right"]
        var text = substituted(expression)
        text = text.replacing(/"(?:[^"\\]|\\.)*"/, with: "\"\"")
        text = text.replacing(/\{[^}]*\}/, with: " ")
        text = text.replacing(/\[[^\]]*\]/, with: " ")
        text = text.replacing(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/, with: " ")
        var names = Set<String>()
        // A number is consumed whole, so its digits never start a name.
        for match in text.matches(of: /[0-9][0-9.]*|([a-zA-Z_:][a-zA-Z0-9_:]*)(\s*\()?/) where match.output.2 == nil {
            guard let word = match.output.1.map(String.init), !keywords.contains(word) else { continue }
            names.insert(word)
        }
        return names
    }

    @Test func theTokenizerFindsMetricsAndNothingElse() {
        #expect(Self.metricNames(in: #"sum by (le) (rate(a_bucket{job=~"$job",le="0.1"}[$__rate_interval])) / on (x) b or c == 1"#)
                == ["a_bucket", "b", "c"])
    }

    @Test func everyQueryNamesAMetricTheServerExports() async throws {
        let expressions = try Self.expressions()
        #expect(expressions.count >= 20, "\(expressions.count) expressions")
        let server = try await ServerProcess.start(
            plugins: ["LexiconSentiment"], arguments: ["--metrics-addr", "127.0.0.1:0", "--alert-interval", "3600s"], conformance: false)
        defer { server.stop() }
        let line = server.standardOutput.split(separator: "\n").first { $0.hasPrefix("aura-server metrics on 127.0.0.1:") }
        let port = try #require(line.flatMap { Int($0.split(separator: ":").last ?? "") }, "\(server.standardOutput)")
        let exposition = try await MetricsEndpointTests.get("http://127.0.0.1:\(port)/metrics")
        var exported = Set<String>()
        for match in exposition.matches(of: /# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram)/) {
            let name = String(match.output.1)
            exported.insert(name)
            if match.output.2 == "histogram" { exported.formUnion(["_bucket", "_sum", "_count"].map { name + $0 }) }
        }
        #expect(exported.count > 20, "\(exposition.prefix(500))")
        var named = Set<String>()
        for expression in expressions {
            let names = Self.metricNames(in: expression)
            #expect(!names.isEmpty, "no metric in \(expression)")
            for name in names { #expect(exported.contains(name), "\(name) in \(expression) is not exported") }
            named.formUnion(names)
        }
        let variables = try String(contentsOfFile: Self.path, encoding: .utf8).matches(of: /label_values\(([a-zA-Z_:][a-zA-Z0-9_:]*),/)
        for variable in variables { #expect(exported.contains(String(variable.output.1)), "variable over \(variable.output.1)") }
        #expect(named.count >= 15, "the dashboard uses \(named.sorted())")
    }

    @Test(.enabled(if: MetricsEndpointTests.promtool != nil, "promtool is not installed (it comes with the prometheus package)"))
    func everyQueryParsesWithPrometheusOwnParser() async throws {
        let expressions = try Self.expressions()
        var rules = "groups:\n  - name: grafana\n    rules:\n"
        for (index, expression) in expressions.enumerated() {
            let quoted = String(decoding: try JSONSerialization.data(withJSONObject: Self.substituted(expression), options: [.fragmentsAllowed, .withoutEscapingSlashes]), as: UTF8.self)
            rules += "      - record: grafana:panel_\(index)\n        expr: \(quoted)\n"
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aura-grafana-\(UUID().uuidString).yml")
        try rules.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let check = Process()
        check.executableURL = URL(fileURLWithPath: MetricsEndpointTests.promtool!)
        check.arguments = ["check", "rules", file.path]
        let output = Pipe()
        check.standardOutput = output
        check.standardError = output
        let reader = PipeReader(output.fileHandleForReading)
        try check.run()
        #expect(await onOwnThread { waitForExit(check, timeout: 30) })
        _ = await onOwnThread { reader.waitForEnd(timeout: 10) }
        #expect(check.terminationStatus == 0 && reader.text.contains("SUCCESS: \(expressions.count) rules found"), "\(reader.text)\n\(rules)")
    }
}
