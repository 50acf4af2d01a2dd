import AuraCore
import AuraTracing
import Foundation
import Testing

@Suite struct SpanFileWriterTests {
    static let resource = [SpanAttribute("service.name", "aura-test")]

    private func scratchPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("aura-spans-\(UUID().uuidString).jsonl").path
    }

    @Test func nestedSpansAreWrittenAsOTLPJSONWithTheirParents() async throws {
        let path = scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SpanFileWriter(path: path, maxBytes: 1 << 20, resource: Self.resource)
        let tracer = Tracer(sampler: TraceSampler(rate: 1), writer: writer)
        let none: [UInt8]? = nil
        let root = tracer.serverSpan(traceparent: none, tracestate: nil)
        #expect(root.isRecording)
        struct Refused: Error, CustomStringConvertible { var description: String { "refused \"quoted\"\n" } }
        await TraceContext.$current.withValue(root) {
            await TraceContext.span("outer", attributes: [SpanAttribute("n", 3)]) {
                _ = try? await TraceContext.span("inner", kind: .client) { () async throws(Refused) in throw Refused() }
            }
        }
        tracer.record(SpanRecord(root, name: "aura.Test/Root", kind: .server, endUnixNano: root.startUnixNano + 5, attributes: []))
        writer.close()
        #expect(writer.writtenSpans == 3 && writer.droppedSpans == 0)

        let written = try SpanLines.lines(path)
        let first = try #require(written.first)
        let resource = try #require((first["resourceSpans"] as? [[String: Any]])?.first?["resource"] as? [String: Any])
        #expect("\(resource)".contains("aura-test"))
        let byName = Dictionary(SpanLines.spans(written).map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let outer = try #require(byName["outer"]), inner = try #require(byName["inner"]), rootSpan = try #require(byName["aura.Test/Root"])
        #expect(Set([outer, inner, rootSpan].map { $0["traceId"] as? String }) == [root.traceID.description])
        #expect(rootSpan["spanId"] as? String == root.spanID.description)
        #expect(rootSpan["parentSpanId"] == nil)
        #expect(outer["parentSpanId"] as? String == root.spanID.description)
        #expect(inner["parentSpanId"] as? String == outer["spanId"] as? String)
        #expect(rootSpan["kind"] as? Int == 2 && outer["kind"] as? Int == 1 && inner["kind"] as? Int == 3)
        #expect(rootSpan["endTimeUnixNano"] as? String == String(root.startUnixNano + 5))
        #expect(rootSpan["startTimeUnixNano"] as? String == String(root.startUnixNano))
        let status = try #require(inner["status"] as? [String: Any])
        #expect(status["code"] as? Int == 2 && status["message"] as? String == "refused \"quoted\"\n")
        #expect((outer["status"] as? [String: Any])?.isEmpty == true)
        let attribute = try #require((outer["attributes"] as? [[String: Any]])?.first)
        #expect(attribute["key"] as? String == "n" && (attribute["value"] as? [String: Any])?["intValue"] as? String == "3")
    }

    @Test func theFileRotatesBeforePassingItsCapAndKeepsOneOldFile() throws {
        let path = scratchPath()
        defer { for suffix in ["", ".1"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let maxBytes = 4096
        let writer = try SpanFileWriter(path: path, maxBytes: maxBytes, resource: Self.resource, batchPause: .zero)
        let ids = TraceIDGenerator(seed: 7)
        let context = TraceContext(traceID: ids.traceID(), spanID: ids.spanID(), isSampled: true, startUnixNano: 1)
        for index in 0..<200 {
            writer.append(SpanRecord(context, name: "span \(index)", kind: .internal, endUnixNano: 2, attributes: []))
        }
        writer.close()
        #expect(writer.writtenSpans + writer.droppedSpans == 200)
        #expect(writer.droppedSpans == 0)
        for file in [path, path + ".1"] {
            let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
            #expect(size > 0 && size <= maxBytes, "\(file): \(size) bytes")
            #expect(try SpanLines.lines(file).count > 0)  // every line parses: rotation never cuts one
        }
        let kept = SpanLines.spans(try SpanLines.lines(path + ".1")) + SpanLines.spans(try SpanLines.lines(path))
        #expect(kept.last?["name"] as? String == "span 199")  // the newest are kept, the oldest rotated away
        #expect(kept.count < 200)
    }

    @Test func spansPastCapacityOrAfterCloseAreDroppedAndCounted() throws {
        let path = scratchPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = try SpanFileWriter(path: path, maxBytes: 1 << 20, resource: Self.resource, capacity: 0)
        let context = TraceContext(traceID: TraceID(high: 1, low: 2), spanID: SpanID(3), isSampled: true)
        writer.append(SpanRecord(context, name: "full", kind: .internal, endUnixNano: 0, attributes: []))
        writer.close()
        writer.append(SpanRecord(context, name: "closed", kind: .internal, endUnixNano: 0, attributes: []))
        #expect(writer.droppedSpans == 2 && writer.writtenSpans == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).isEmpty)
    }
}
