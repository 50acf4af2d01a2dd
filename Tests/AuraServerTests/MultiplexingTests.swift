import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// Many calls of every shape share one connection, each answered on its own stream.
    @Suite struct Multiplexing {
        @Test func manyConcurrentCallsOnOneConnection() async throws {
            try await TestServer.bounded(.seconds(10)) { harness in
                let client = harness.client
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<200 {
                        group.addTask {
                            var metadata = Metadata()
                            metadata.add(TestService.echoInitialKey, "call-\(index)")
                            let reply = try await client.unaryWithMetadata(
                                Method.unary, SimpleRequest(responseSize: Int32(index * 7), payload: Payload(size: index)),
                                as: SimpleResponse.self, options: CallOptions(metadata: metadata))
                            #expect(reply.message.size == index * 7)
                            #expect(reply.metadata.initial[TestService.echoInitialKey] == "call-\(index)")
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(harness.server.connectionCount == 1)
            }
        }

        /// More calls than the server's MAX_CONCURRENT_STREAMS: the client queues them for a
        /// free stream slot, once it knows the limit.
        @Test func callsBeyondTheServersStreamLimitWait() async throws {
            try await TestServer.bounded(configure: { $0.settings.maxConcurrentStreams = 4 }) { harness in
                try await harness.expectServing()  // the server's SETTINGS have arrived
                let client = harness.client
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 {
                        group.addTask { _ = try await client.unary(Method.sleep, SleepRequest(durationMs: 50), as: Empty.self) }
                    }
                    try await group.waitForAll()
                }
            }
        }

        /// The same on a new connection, before the server's SETTINGS have arrived: calls the
        /// server refuses for going past its limit should not fail the caller.
        @Test
        func callsBeyondTheStreamLimitOnANewConnection() async throws {
            try await TestServer.bounded(configure: { $0.settings.maxConcurrentStreams = 4 }) { harness in
                let client = harness.client
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<20 {
                        group.addTask { _ = try await client.unary(Method.sleep, SleepRequest(durationMs: 50), as: Empty.self) }
                    }
                    try await group.waitForAll()
                }
            }
        }

        @Test func mixedCallShapesConcurrently() async throws {
            try await TestServer.bounded(.seconds(10)) { harness in
                let client = harness.client
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for index in 0..<30 {
                        group.addTask {
                            let request = StreamingOutputCallRequest(
                                responseParameters: (0..<5).map { ResponseParameters(size: Int32(index * 100 + $0)) })
                            let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                                try await client.serverStreaming(Method.streamingOutput, request)
                            var sizes: [Int] = []
                            for try await response in call.responses { sizes.append(response.size) }
                            #expect(sizes == (0..<5).map { index * 100 + $0 })
                        }
                        group.addTask {
                            let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                                try await client.makeCall(Method.fullDuplex)
                            var responses = call.responses.makeAsyncIterator()
                            for round in 0..<3 {
                                let size = index * 10 + round
                                try await call.send(StreamingOutputCallRequest(responseParameters: [ResponseParameters(size: Int32(size))]))
                                #expect(try await responses.next()?.size == size)
                            }
                            await call.closeSend()
                            #expect(try await responses.next() == nil)
                        }
                    }
                    try await group.waitForAll()
                }
            }
        }
    }
}
