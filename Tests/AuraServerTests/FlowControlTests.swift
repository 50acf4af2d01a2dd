import AuraClient
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// Connection-level flow-control credit must come back for every MESSAGE byte, including
    /// messages that were received but never handed to the application because their call
    /// ended first. Otherwise each such call shrinks the 8 MiB connection window for good, and
    /// once it is gone no call on the connection can move a byte.
    @Suite struct FlowControlCredit {
        /// The server drops the queued requests of unary calls that fail before taking them
        /// ("expected exactly one request message"): 10 calls x 2 x 500 KB exceed the window.
        @Test
        func serverReturnsCreditOfDroppedRequests() async throws {
            try await TestServer.bounded(.seconds(8)) { harness in
                let client = harness.client
                for round in 0..<10 {
                    try await withTimeout(.seconds(2), "round \(round)") {
                        let call: RPCCall<SimpleRequest, SimpleResponse> = try await client.makeCall(Method.unary)
                        try await call.send(SimpleRequest(payload: Payload(size: 500_000)))
                        try await call.send(SimpleRequest(payload: Payload(size: 500_000)), endStream: true)
                        #expect(await call.status().code == .invalidArgument)
                    }
                }
                try await withTimeout(.seconds(2), "a normal call after the dropped requests") {
                    try await harness.expectServing()
                }
            }
        }

        /// The same through deadlines: a unary request that never ends its half is dropped
        /// when the deadline passes.
        @Test
        func serverReturnsCreditOfRequestsDroppedAtTheDeadline() async throws {
            try await TestServer.bounded(.seconds(8)) { harness in
                let client = harness.client
                for round in 0..<10 {
                    try await withTimeout(.seconds(2), "round \(round)") {
                        let call: RPCCall<SimpleRequest, SimpleResponse> =
                            try await client.makeCall(Method.unary, options: CallOptions(timeout: .milliseconds(50)))
                        do {
                            try await call.send(SimpleRequest(payload: Payload(size: 1_000_000)))
                        } catch let error as RPCError where error.code == .deadlineExceeded {
                            // The deadline passed while the request was still going out.
                        }
                        #expect(await call.status().code == .deadlineExceeded)
                    }
                }
                try await withTimeout(.seconds(2), "a normal call after the dropped requests") {
                    try await harness.expectServing()
                }
            }
        }

        /// The client drops the queued responses of a call it cancels: 16 cancelled calls with
        /// about 1 MiB queued each exceed the window, and the server can no longer answer.
        @Test
        func clientReturnsCreditOfDroppedResponses() async throws {
            try await TestServer.bounded(.seconds(8)) { harness in
                let client = harness.client
                let request = StreamingOutputCallRequest(
                    responseParameters: Array(repeating: ResponseParameters(size: 256 * 1024), count: 20))
                for round in 0..<16 {
                    try await withTimeout(.seconds(2), "round \(round)") {
                        let call: RPCCall<StreamingOutputCallRequest, StreamingOutputCallResponse> =
                            try await client.serverStreaming(Method.streamingOutput, request)
                        var responses = call.responses.makeAsyncIterator()
                        _ = try await responses.next()
                        try await Task.sleep(for: .milliseconds(50))  // a window's worth queues up
                        call.cancel()
                        _ = await call.status()
                    }
                }
                try await withTimeout(.seconds(2), "a normal call after the dropped responses") {
                    try await harness.expectServing()
                }
            }
        }

        /// A control: consumed messages return their credit, so many calls that each move more
        /// than the connection window in total go through.
        @Test func creditComesBackForConsumedMessages() async throws {
            try await TestServer.bounded(.seconds(8)) { harness in
                for _ in 0..<3 {
                    let call: RPCCall<StreamingInputCallRequest, StreamingInputCallResponse> =
                        try await harness.client.makeCall(Method.streamingInput)
                    for _ in 0..<12 { try await call.send(StreamingInputCallRequest(payload: Payload(size: 900_000))) }
                    await call.closeSend()
                    #expect(try await call.response().message.aggregatedPayloadSize == 10_800_000)
                }
            }
        }
    }
}
