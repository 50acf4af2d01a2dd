import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import Synchronization
import TestSupport
import Testing

extension Integration {
    /// A peer that stops reading stops the server's producer for that stream: memory stays
    /// bounded and other clients are still served.
    @Suite struct Backpressure {
        /// 2,000 responses of 256 KiB: 500 MiB if nothing pushed back.
        static let manyLargeResponses = StreamingOutputCallRequest(
            responseParameters: Array(repeating: ResponseParameters(size: 256 * 1024), count: 2_000))
        /// What the server may hold for the stalled stream while its reader stalls (flow-control
        /// windows, replies queued for the socket): far below the 500 MiB requested. These tests
        /// read the server's own accounting: the test process also runs other suites, so its RSS
        /// says nothing about this server. The RSS promise is checked on a real `aura-server`
        /// process by AbuseTests ("never reading").
        static let memoryBound = 128 * 1024 * 1024

        /// Flow control: the raw client grants the default windows and never reads a byte.
        @Test func rawClientThatNeverReadsWithDefaultWindows() async throws {
            try await neverReads(settings: Settings())
        }

        /// Socket backpressure: the raw client grants windows of 2 GiB, so only the server's
        /// write queue (the channel's writability) can stop the handler.
        @Test func rawClientThatNeverReadsWithHugeWindows() async throws {
            var settings = Settings()
            settings.initialStreamWindow = UInt32(Int32.max)
            settings.connectionWindow = UInt32(Int32.max)
            try await neverReads(settings: settings)
        }

        private func neverReads(settings: Settings) async throws {
            try await TestServer.bounded(.seconds(10)) { harness in
                let raw = try RawConnection(port: harness.server.port)
                raw.setReceiveBufferSize(16 * 1024)
                try await raw.handshake(settings: settings)
                try await raw.call(1, Method.streamingOutput, messages: [Self.manyLargeResponses.encoded()])

                // While the stalled stream waits, other clients are served, repeatedly.
                for _ in 0..<10 {
                    try await harness.expectServing()
                    try await Task.sleep(for: .milliseconds(100))
                }
                try await harness.withClient { try await harness.expectServing($0) }
                let held = harness.server.memoryBudget.usedBytes
                #expect(held > 0, "the stalled replies are counted")
                #expect(held < Self.memoryBound, "the server holds \(held >> 20) MiB")

                // Closing the stalled connection ends its call and frees it.
                raw.close()
                #expect(await eventually { harness.server.connectionCount == 1 })
                try await harness.expectServing()
            }
        }

        /// The same with AuraClient: a server-streaming call whose responses are never iterated.
        @Test func auraClientThatNeverIteratesResponses() async throws {
            try await TestServer.bounded(.seconds(10)) { harness in
                try await harness.expectServing()
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, Self.manyLargeResponses)
                for _ in 0..<10 {
                    try await harness.expectServing()  // same connection, other streams flow
                    try await Task.sleep(for: .milliseconds(100))
                }
                let held = harness.server.memoryBudget.usedBytes
                #expect(held > 0, "the stalled replies are counted")
                #expect(held < Self.memoryBound, "the server holds \(held >> 20) MiB")

                // Reading a few responses resumes the stream; then cancel it.
                var responses = call.responses.makeAsyncIterator()
                for _ in 0..<8 { #expect(try await responses.next()?.size == 256 * 1024) }
                call.cancel()
                #expect(await call.status().code == .cancelled)
                try await harness.expectServing()
            }
        }

        /// A stream stalled on flow control stays stalled while another stream on the same
        /// connection moves 100 MiB (whose traffic flips the socket's writability many times):
        /// its handler may not produce more than its window allows.
        @Test
        func stalledStreamStaysStalledWhileAnotherStreamFlows() async throws {
            let probe = ProducerProbe()
            try await TestServer.bounded(.seconds(10), extraServices: [probe]) { harness in
                // Windows larger than the server's write-queue watermarks, so the busy stream
                // fills the socket and its writability flips.
                var configuration = ClientConfiguration()
                configuration.settings.initialStreamWindow = 8 << 20
                configuration.settings.connectionWindow = 64 << 20
                try await harness.withClient(configuration: configuration) { client in
                    let stalled: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                        try await client.serverStreaming(ProducerProbe.produce, Self.manyLargeResponses)
                    #expect(await eventually { probe.produced >= 31 })  // 8 MiB of credit
                    try await Task.sleep(for: .milliseconds(200))
                    let settled = probe.produced

                    let busy: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> = try await client.serverStreaming(
                        Method.streamingOutput,
                        StreamingOutputCallRequest(responseParameters: Array(repeating: ResponseParameters(size: 256 * 1024), count: 400)))
                    var count = 0
                    for try await _ in busy.responses { count += 1 }
                    #expect(count == 400)
                    #expect(probe.produced - settled <= 1, "the stalled handler produced \(probe.produced - settled) more responses (\(settled) before)")
                    stalled.cancel()
                }
            }
        }

        /// The client side of the same: an upload stalled on the server's flow control (a unary
        /// call takes no message before END_STREAM) stays stalled while eight other uploads on the
        /// connection move 100 MiB.
        @Test
        func stalledUploadStaysStalledWhileOtherUploadsFlow() async throws {
            try await TestServer.bounded(.seconds(10), configure: {
                $0.settings.initialStreamWindow = 8 << 20
                $0.settings.connectionWindow = 64 << 20
            }) { harness in
                let client = harness.client
                try await harness.expectServing()  // the server's SETTINGS have arrived
                let sent = Atomic<Int>(0)
                let stalled: RPCCall<SimpleRequest, SimpleResponse> = try await client.makeCall(Method.unary)
                let sender = Task {
                    for _ in 0..<400 {
                        try await stalled.send(SimpleRequest(payload: Payload(size: 256 * 1024)))
                        sent.add(1, ordering: .relaxed)
                    }
                }
                #expect(await eventually { sent.load(ordering: .relaxed) >= 31 })  // 8 MiB of credit
                try await Task.sleep(for: .milliseconds(200))
                let settled = sent.load(ordering: .relaxed)

                // Eight uploads at once queue writes faster than one loop iteration flushes them.
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<8 {
                        group.addTask {
                            let busy: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> = try await client.makeCall(Method.streamingInput)
                            for _ in 0..<50 { try await busy.send(StreamingInputCallRequest(payload: Payload(size: 256 * 1024))) }
                            await busy.closeSend()
                            #expect(try await busy.response().message.aggregatedPayloadSize == 50 * 256 * 1024)
                        }
                    }
                    try await group.waitForAll()
                }
                let extra = sent.load(ordering: .relaxed) - settled
                #expect(extra <= 1, "the stalled sender got \(extra) more messages out (\(settled) before)")
                stalled.cancel()
                _ = await sender.result
            }
        }

        /// A slow but steady reader gets every response.
        @Test func slowReaderGetsEverything() async throws {
            try await TestServer.bounded(.seconds(10)) { harness in
                let request = StreamingOutputCallRequest(
                    responseParameters: Array(repeating: ResponseParameters(size: 200_000), count: 30))
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, request)
                var count = 0
                for try await response in call.responses {
                    #expect(response.size == 200_000)
                    count += 1
                    if count % 5 == 0 { try await Task.sleep(for: .milliseconds(20)) }
                }
                #expect(count == 30)
            }
        }
    }
}

/// A server-streaming method that counts the responses its handler got to write: how far a
/// producer ran ahead of its reader.
final class ProducerProbe: Service {
    static let produce = "test.Probe/Produce"
    let name = "test.Probe"
    private let count = Atomic<Int>(0)

    /// Responses written so far (each `write` returned).
    var produced: Int { count.load(ordering: .relaxed) }

    func register(into registry: inout MethodRegistry) {
        registry.serverStreaming(Self.produce) { [self] (request: StreamingOutputCallRequest, writer: ResponseWriter<StreamingOutputCallResponse>, _) in
            for parameters in request.responseParameters {
                try await writer.write(StreamingOutputCallResponse(payload: Payload(size: Int(parameters.size))))
                self.count.add(1, ordering: .relaxed)
            }
        }
    }
}
