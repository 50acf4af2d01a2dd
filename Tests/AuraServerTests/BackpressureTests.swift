import AuraClient
import AuraConformance
import AuraServer
import AuraWire
import Testing

extension Integration {
    /// A peer that stops reading stops the server's producer for that stream: memory stays
    /// bounded and other clients are still served.
    @Suite struct Backpressure {
        /// 2,000 responses of 256 KiB: 500 MiB if nothing pushed back.
        static let manyLargeResponses = StreamingOutputCallRequest(
            responseParameters: Array(repeating: ResponseParameters(size: 256 * 1024), count: 2_000))
        /// Growth of the process's resident memory tolerated while a reader stalls: generous
        /// (windows, socket queues, allocator slack) but far below the 500 MiB requested.
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
                try await harness.expectServing()  // warm up before measuring
                let before = try #require(ProcessMemory.residentBytes())
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
                let during = try #require(ProcessMemory.residentBytes())
                #expect(during - before < Self.memoryBound, "RSS grew by \((during - before) >> 20) MiB")

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
                let before = try #require(ProcessMemory.residentBytes())
                let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                    try await harness.client.serverStreaming(Method.streamingOutput, Self.manyLargeResponses)
                for _ in 0..<10 {
                    try await harness.expectServing()  // same connection, other streams flow
                    try await Task.sleep(for: .milliseconds(100))
                }
                let during = try #require(ProcessMemory.residentBytes())
                #expect(during - before < Self.memoryBound, "RSS grew by \((during - before) >> 20) MiB")

                // Reading a few responses resumes the stream; then cancel it.
                var responses = call.responses.makeAsyncIterator()
                for _ in 0..<8 { #expect(try await responses.next()?.size == 256 * 1024) }
                call.cancel()
                #expect(await call.status().code == .cancelled)
                try await harness.expectServing()
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
