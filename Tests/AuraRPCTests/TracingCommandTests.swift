import Foundation
import Testing

/// Tracing end to end: a real aura-server with --trace-file, called by aura-rpc with and
/// without a traceparent, a job submitted with --trace; the span file read back.
@Suite struct TracingCommandTests {
    static let traceID = "4bf92f3577b34da6a3ce929d0e0e4736"
    static let given = "00-\(traceID)-00f067aa0ba902b7-01"

    /// The `traceparent` in aura-rpc's --show-metadata output.
    private func trailer(_ result: CommandResult) throws -> String {
        let line = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("trailing-metadata traceparent: ") }, "\(result)")
        return String(line.dropFirst("trailing-metadata traceparent: ".count))
    }

    /// The spans of every line of the file at `path`.
    private func spans(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").flatMap { line -> [[String: Any]] in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let resources = try #require(object["resourceSpans"] as? [[String: Any]])
            return resources.flatMap { resource in
                (resource["scopeSpans"] as? [[String: Any]] ?? []).flatMap { $0["spans"] as? [[String: Any]] ?? [] }
            }
        }
    }

    private func attribute(_ key: String, _ span: [String: Any]) -> String? {
        let value = (span["attributes"] as? [[String: Any]])?.first { $0["key"] as? String == key }?["value"] as? [String: Any]
        return value?["stringValue"] as? String ?? value?["intValue"] as? String
    }

    @Test func callsAndAJobAreTracedIntoTheSpanFile() async throws {
        let spanFile = FileManager.default.temporaryDirectory.appendingPathComponent("aura-spans-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: spanFile) }
        let server = try await ServerProcess.start(arguments: ["--trace-file", spanFile, "--trace-sample-rate", "0"])
        defer { server.stop() }

        // A call with a traceparent continues it: same trace, a new span of this server.
        let continued = try await auraRPC(["analyze", "I love it", "--show-metadata", "--metadata", "traceparent=\(Self.given)"], on: server)
        try #require(continued.status == 0, "\(continued)")
        let returned = try trailer(continued)
        #expect(returned.hasPrefix("00-\(Self.traceID)-") && returned.hasSuffix("-01") && returned.count == 55)
        let analyzeSpanID = String(returned.dropFirst(36).prefix(16))
        #expect(analyzeSpanID != "00f067aa0ba902b7")

        // A call without one starts a trace, unsampled at rate 0: its trailer all the same.
        let fresh = try await auraRPC(["health", "--show-metadata"], on: server)
        try #require(fresh.status == 0, "\(fresh)")
        let freshParent = try trailer(fresh)
        #expect(freshParent.count == 55 && freshParent.hasSuffix("-00") && !freshParent.contains(Self.traceID))

        // --trace prints the trace id and samples the calls: the job's processing is a child of
        // its Submit, and its plugin calls children of the processing.
        let lines = (0..<5).map { "review \($0): great product" }.joined(separator: "\n") + "\n"
        let document = try JobDocuments.write(lines, to: "traced.txt", in: server)
        let submitted = try await auraRPC(["submit", document, "--wait", "--trace", "--json"], on: server, timeout: 60)
        try #require(submitted.status == 0, "\(submitted)")
        let traceLine = try #require(submitted.stderr.split(separator: "\n").first { $0.hasPrefix("trace id: ") }, "\(submitted)")
        let jobTrace = String(traceLine.dropFirst("trace id: ".count))
        #expect(jobTrace.count == 32 && jobTrace.allSatisfy(\.isHexDigit))
        let submitLine = try #require(submitted.lines.first, "\(submitted)")
        let jobID = try #require(try jsonObject(submitLine)["jobId"] as? String, "\(submitted)")

        server.stop()  // SIGTERM: the server writes what is queued before it exits
        let spans = try spans(spanFile)
        #expect(!spans.contains { ($0["traceId"] as? String) == String(freshParent.dropFirst(3).prefix(32)) }, "an unsampled trace is not written")

        let analyze = try #require(spans.first { $0["spanId"] as? String == analyzeSpanID }, "\(spans)")
        #expect(analyze["name"] as? String == "aura.Sentiment/Analyze" && analyze["traceId"] as? String == Self.traceID)
        #expect(analyze["parentSpanId"] as? String == "00f067aa0ba902b7")
        #expect(attribute("rpc.grpc.status_code", analyze) == "0" && attribute("aura.request_id", analyze)?.isEmpty == false)
        let plugin = try #require(spans.first { $0["parentSpanId"] as? String == analyzeSpanID }, "\(spans)")
        #expect(plugin["traceId"] as? String == Self.traceID && attribute("aura.plugin.kind", plugin) == "analyzer")
        #expect(attribute("aura.plugin.name", plugin)?.isEmpty == false && attribute("aura.plugin.version", plugin)?.isEmpty == false)

        let traced = spans.filter { $0["traceId"] as? String == jobTrace }
        let submit = try #require(traced.first { $0["name"] as? String == "aura.Jobs/Submit" }, "\(traced)")
        let processing = try #require(traced.first { $0["name"] as? String == "aura.Jobs/process" }, "\(traced)")
        #expect(processing["parentSpanId"] as? String == submit["spanId"] as? String)
        #expect(attribute("aura.job.id", processing) == jobID)
        let batch = try #require(traced.first { $0["parentSpanId"] as? String == processing["spanId"] as? String }, "\(traced)")
        #expect(attribute("aura.plugin.texts", batch) == "5")
        #expect(traced.contains { $0["name"] as? String == "aura.Jobs/Watch" || $0["name"] as? String == "aura.Jobs/Get" })
    }
}
