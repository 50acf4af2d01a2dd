import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// Deadlines and cancellation reach the handler, and end only their own call.
    @Suite struct DeadlinesAndCancellation {
        @Test func deadlineExceeded() async throws {
            try await TestServer.bounded { harness in
                let before = harness.testService.cancelledSleepCount
                await expectRPCError(.deadlineExceeded) {
                    _ = try await harness.client.unary(
                        Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self,
                        options: CallOptions(timeout: .milliseconds(100)))
                }
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
                try await harness.expectServing()
            }
        }

        /// The server enforces the deadline it reads from HEADERS even if the client does not
        /// cancel: a raw client sends a 100 ms timeout and just waits.
        @Test func serverEnforcesTheDeadline() async throws {
            try await TestServer.bounded { harness in
                let before = harness.testService.cancelledSleepCount
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(
                    1, Method.sleep, messages: [SleepRequest(durationMs: 10_000).encoded()],
                    headers: CallHeaders(timeoutMicros: 100_000))
                let end = try await raw.streamEnd(1)
                #expect(end?.code == .deadlineExceeded)
                // SPEC.md section 3: a server's deadline ends the call with TRAILERS, not CANCEL.
                #expect(raw.frames(on: 1).contains { if case .trailers = $0 { true } else { false } })
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
            }
        }

        /// A deadline that passes before the single request has arrived still ends the call.
        @Test func deadlineWhileAwaitingTheRequest() async throws {
            try await TestServer.bounded { harness in
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.write(frames: [.headers(
                    streamID: 1, CallHeaders(method: Method.sleep, timeoutMicros: 50_000), endStream: false)])
                #expect(try await raw.streamEnd(1)?.code == .deadlineExceeded)
            }
        }

        @Test func cancelOfTheCallReachesTheHandler() async throws {
            try await TestServer.bounded { harness in
                let before = harness.testService.cancelledSleepCount
                let call = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self)
                call.cancel()
                #expect(await call.status().code == .cancelled)
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
                try await harness.expectServing()
            }
        }

        @Test func cancellingTheCallingTaskReachesTheHandler() async throws {
            let gate = GateService()
            try await TestServer.bounded(extraServices: [gate]) { harness in
                let client = harness.client
                let task = Task { try await client.unary(GateService.wait, Empty(), as: Empty.self) }
                try await gate.started.waitUntil(atLeast: 1)  // the handler runs
                task.cancel()
                await expectRPCError(.cancelled) { _ = try await task.value }
                try await gate.cancelled.waitUntil(atLeast: 1)
                try await harness.expectServing()
            }
        }

        @Test func cancellingAStreamingReaderReachesTheHandler() async throws {
            try await TestServer.bounded { harness in
                let client = harness.client
                let started = AsyncStream<Void>.makeStream()
                let task = Task {
                    let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> = try await client.makeCall(Method.fullDuplex)
                    try await call.send(StreamingOutputCallRequest(responseParameters: [ResponseParameters(size: 1)]))
                    var responses = call.responses.makeAsyncIterator()
                    _ = try await responses.next()
                    started.continuation.yield()
                    _ = try await responses.next()  // waits for a request that never comes
                }
                for await _ in started.stream { break }
                task.cancel()
                await expectRPCError(.cancelled) { try await task.value }
                try await harness.expectServing()
            }
        }

        /// One connection: a cancelled call and one past its deadline end alone; the calls
        /// around them, of every shape, complete.
        @Test func cancelledCallsDoNotDisturbOthers() async throws {
            try await TestServer.bounded(.seconds(8)) { harness in
                let client = harness.client
                let before = harness.testService.cancelledSleepCount
                try await withThrowingTaskGroup(of: Void.self) { group in
                    for _ in 0..<5 {
                        group.addTask {
                            _ = try await client.unary(Method.sleep, SleepRequest(durationMs: 300), as: Empty.self)
                        }
                    }
                    group.addTask {
                        let request = StreamingOutputCallRequest(
                            responseParameters: Array(repeating: ResponseParameters(size: 1_000, intervalUs: 30_000), count: 10))
                        let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                            try await client.serverStreaming(Method.streamingOutput, request)
                        var count = 0
                        for try await _ in call.responses { count += 1 }
                        #expect(count == 10)
                    }
                    group.addTask {
                        let call = try await harness.startCall(Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self)
                        call.cancel()
                        #expect(await call.status().code == .cancelled)
                    }
                    group.addTask {
                        await expectRPCError(.deadlineExceeded) {
                            _ = try await client.unary(
                                Method.sleep, SleepRequest(durationMs: 10_000), as: Empty.self,
                                options: CallOptions(timeout: .milliseconds(150)))
                        }
                    }
                    try await group.waitForAll()
                }
                #expect(await eventually { harness.testService.cancelledSleepCount >= before + 2 })
                #expect(harness.server.connectionCount == 1)
                try await harness.expectServing()
            }
        }

        /// A raw client's CANCEL: the handler stops and the server sends nothing more on the
        /// stream, while the connection carries on.
        @Test func rawCancelFrame() async throws {
            try await TestServer.bounded { harness in
                let before = harness.testService.cancelledSleepCount
                let raw = try RawConnection(port: harness.server.port)
                try await raw.handshake()
                try await raw.call(1, Method.sleep, messages: [SleepRequest(durationMs: 10_000).encoded()])
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)  // the server has read stream 1
                try await raw.write(frames: [.cancel(streamID: 1, code: .cancelled)])
                #expect(await eventually { harness.testService.cancelledSleepCount > before })
                try await raw.call(5, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(5)?.code == .ok)
                #expect(raw.frames(on: 1).isEmpty)
            }
        }
    }
}
