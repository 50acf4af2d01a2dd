import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import Foundation
import Synchronization
import Testing

extension Integration {
    /// The request id and access log interceptors, and what an unexpected error tells the client.
    @Suite struct RequestIDAndAccessLog {
        static let key = RequestIDInterceptor.metadataKey

        private func requestID(_ client: AuraClient, sending given: String?) async throws -> (trailer: String?, seen: String?) {
            let metadata: Metadata = given.map { [Self.key: $0] } ?? [:]
            let reply = try await client.unaryWithMetadata(
                "aura.Probe/RequestID", Empty(), as: Empty.self, options: CallOptions(metadata: metadata))
            return (reply.metadata.trailing[Self.key], reply.metadata.trailing["x-seen-request-id"])
        }

        @Test func requestIDGeneratedEchoedOrReplaced() async throws {
            try await TestServer.bounded(configure: { $0.interceptors = [RequestIDInterceptor()] }, extraServices: [ProbeService()]) { harness in
                let generated = try await requestID(harness.client, sending: nil)
                let id = try #require(generated.trailer)
                #expect(id.count == 16 && id.allSatisfy(\.isHexDigit))
                #expect(generated.seen == id)
                #expect(try await requestID(harness.client, sending: nil).trailer != id)

                let echoed = try await requestID(harness.client, sending: "client-chosen-42")
                #expect(echoed.trailer == "client-chosen-42")
                #expect(echoed.seen == "client-chosen-42")

                for invalid in ["", "has space", String(repeating: "x", count: RequestIDInterceptor.maxLength + 1)] {
                    let replaced = try await requestID(harness.client, sending: invalid)
                    #expect(replaced.trailer != invalid)
                    #expect(replaced.trailer?.count == 16)
                }
                // Values that are not printable ASCII break the metadata rules: the client does
                // not send them at all.
                for invalid in ["tab\there", "é"] {
                    await expectRPCError(.invalidArgument) { _ = try await requestID(harness.client, sending: invalid) }
                }
                #expect(RequestIDInterceptor.isValid(String(repeating: "x", count: RequestIDInterceptor.maxLength)))
            }
        }

        @Test func anUnexpectedErrorIsInternalWithTheRequestIDAndItsDetailIsLogged() async throws {
            let logged = Mutex<[LogLine]>([])
            try await TestServer.bounded(configure: { configuration in
                configuration.interceptors = [RequestIDInterceptor()]
                configuration.logger = ServerLogger(level: .info) { line in logged.withLock { $0.append(line) } }
            }, extraServices: [ProbeService()]) { harness in
                let error = try #require(await expectRPCError(.internal) {
                    _ = try await harness.client.unary(
                        "aura.Probe/Fail", Empty(), as: Empty.self, options: CallOptions(metadata: [Self.key: "trace-7"]))
                })
                #expect(error.message == "internal error (request id trace-7)")
                #expect(error.metadata[Self.key] == "trace-7")
                #expect(!error.message.contains(ProbeService.secret))
                let lines = logged.withLock { $0 }
                #expect(lines.count == 1)
                #expect(lines.first?.level == .error)
                #expect(lines.first?.message.contains(ProbeService.secret) == true)
                #expect(lines.first?.message.contains("trace-7") == true)
                #expect(lines.first?.message.contains("aura.Probe/Fail") == true)
            }
        }

        @Test func theLogLevelFiltersLines() {
            let logged = Mutex<[LogLine]>([])
            let logger = ServerLogger(level: .warning) { line in logged.withLock { $0.append(line) } }
            logger.log(.debug, "no")
            logger.log(.info, "no")
            logger.log(.warning, "yes")
            logger.log(.error, "yes")
            #expect(logged.withLock { $0.map(\.message) } == ["yes", "yes"])
            #expect(LogLevel(name: "warning") == .warning)
            #expect(LogLevel(name: "loud") == nil)
        }

        @Test func accessLogLinesAreJSONWithEveryField() async throws {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("aura-access-\(UUID().uuidString).log").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            let writer = try BackgroundLineWriter<AccessLogRecord>(file: .open(path))
            let before = Date()
            try await TestServer.bounded(configure: {
                $0.interceptors = [AccessLogInterceptor(writer: writer), RequestIDInterceptor(), GateInterceptor()]
            }) { harness in
                let request = SimpleRequest(responseSize: 8, payload: Payload(size: 4))
                _ = try await harness.client.unary(
                    Method.unary, request, as: SimpleResponse.self,
                    options: CallOptions(metadata: ["x-api-key": "secret", Self.key: "log-\"quoted\""]))
                await expectRPCError(.unauthenticated) {
                    _ = try await harness.client.unary(Method.unary, request, as: SimpleResponse.self)
                }
            }
            writer.close()  // everything queued is written
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines.count == 2)
            let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            #expect(objects.allSatisfy { Set($0.keys) == ["time", "request_id", "peer", "method", "status", "duration_us", "bytes_in", "bytes_out"] })
            let ok = objects[0]
            #expect(ok["request_id"] as? String == "log-\"quoted\"")
            #expect(ok["method"] as? String == Method.unary)
            #expect(ok["status"] as? String == "OK")
            #expect((ok["peer"] as? String)?.hasPrefix("127.0.0.1:") == true)
            #expect(ok["bytes_in"] as? Int == SimpleRequest(responseSize: 8, payload: Payload(size: 4)).encoded().readableBytes)
            #expect(ok["bytes_out"] as? Int == SimpleResponse(payload: Payload(size: 8)).encoded().readableBytes)
            #expect((ok["duration_us"] as? Int ?? -1) > 0)
            let time = try #require(ok["time"] as? String)
            let parsed = try #require(ISO8601DateFormatter.withMilliseconds.date(from: time))
            #expect(time.hasSuffix("Z") && time.count == 24)
            #expect(parsed.timeIntervalSince(before) > -1 && parsed.timeIntervalSinceNow < 1)
            let rejected = objects[1]
            #expect(rejected["status"] as? String == "UNAUTHENTICATED")
            #expect((rejected["request_id"] as? String)?.count == 16)
        }

        @Test func timestampsAndJSONStringsAreFormattedExactly() {
            // 2024-02-29T23:59:59.999Z and the epoch: a leap day and the first instant.
            #expect(formatted(time: 1_709_251_199_999_999) == "2024-02-29T23:59:59.999Z")
            #expect(formatted(time: 0) == "1970-01-01T00:00:00.000Z")
            let record = AccessLogRecord(
                time: 0, requestID: "a\"b\\c\n\u{1}", peer: "p", method: "m", code: .notFound,
                duration: .microseconds(1500), bytesIn: 3, bytesOut: 0)
            var bytes: [UInt8] = []
            record.appendLine(to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == #"{"time":"1970-01-01T00:00:00.000Z","request_id":"a\"b\\c\n\u0001","peer":"p","method":"m","status":"NOT_FOUND","duration_us":1500,"bytes_in":3,"bytes_out":0}"# + "\n")
        }

        /// The time field of a record logged at `time`.
        private func formatted(time: Int64) -> String {
            let record = AccessLogRecord(time: time, requestID: "", peer: "", method: "", code: .ok, duration: .zero, bytesIn: 0, bytesOut: 0)
            var bytes: [UInt8] = []
            record.appendLine(to: &bytes)
            let line = String(decoding: bytes, as: UTF8.self)
            return String(line.dropFirst(9).prefix(24))
        }
    }
}

extension ISO8601DateFormatter {
    fileprivate static var withMilliseconds: ISO8601DateFormatter {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }
}
