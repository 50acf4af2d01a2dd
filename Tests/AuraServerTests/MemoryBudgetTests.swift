import AuraBytes
import AuraConformance
import AuraMessages
import AuraServer
import AuraWire
import TestSupport
import Testing

extension Integration {
    /// The server's memory budget on real sockets: a client that pipelines calls and never
    /// reads holds at most its share, a spent budget refuses heavy connections only, a client
    /// that sends more than its share is closed. That memory goes back when abusers leave is
    /// measured on a server of its own, in AuraAbuse's "memory returns" scenario.
    @Suite(.serialized) struct MemoryBudget {
        static let share = 8 << 20
        static let response = 2 << 20

        /// A raw client that never reads, announcing windows of 2 GiB so that only the memory
        /// budget can stop the server: `calls` unary calls, each asking for `response` bytes.
        static func pipeliningNonReader(port: Int, calls: Int) async throws -> RawConnection {
            let raw = try RawConnection(port: port)
            raw.setReceiveBufferSize(16 * 1024)
            var settings = Settings()
            settings.initialStreamWindow = UInt32(Int32.max)
            settings.connectionWindow = UInt32(Int32.max)
            try await raw.handshake(settings: settings)
            var buffer = ByteBuffer()
            let request = SimpleRequest(responseSize: Int32(response)).encoded()
            for index in 0..<calls {
                let id = UInt32(2 * index + 1)
                FrameEncoder.encode(.headers(streamID: id, CallHeaders(method: Method.unary), endStream: false), into: &buffer)
                FrameEncoder.encode(.message(streamID: id, payload: request, flags: .endStream), into: &buffer)
            }
            try await raw.write(buffer)
            return raw
        }

        @Test func aPipeliningClientThatNeverReadsHoldsAtMostItsShare() async throws {
            try await TestServer.bounded(.seconds(10), configure: { $0.connectionMemoryShare = Self.share }) { harness in
                try await harness.expectServing()
                let budget = harness.server.memoryBudget
                // 100 replies of 2 MiB: 200 MiB if its handlers all ran.
                let raw = try await Self.pipeliningNonReader(port: harness.server.port, calls: 100)
                #expect(await eventually { budget.usedBytes > Self.share }, "the abuser's replies pile up to its share")

                // The other client is served all along, and the abuser stays paused.
                for _ in 0..<10 {
                    try await harness.expectServing()
                    #expect(budget.usedBytes <= Self.share + 2 * Self.response, "charged: \(budget.usedBytes >> 20) MiB")
                    try await Task.sleep(for: .milliseconds(50))
                }
                raw.close()
                #expect(await eventually { harness.server.connectionCount == 1 })
                #expect(await eventually { budget.usedBytes <= budget.smallConnectionAllowance }, "the abuser's charge went back")
                try await harness.expectServing()
            }
        }

        @Test func aSpentBudgetRefusesNewCallsOfHeavyConnectionsOnly() async throws {
            try await TestServer.bounded(.seconds(10), configure: {
                $0.connectionMemoryShare = Self.share
                $0.memoryBudget = 12 << 20
            }) { harness in
                let budget = harness.server.memoryBudget
                let first = try await Self.pipeliningNonReader(port: harness.server.port, calls: 20)
                let second = try await Self.pipeliningNonReader(port: harness.server.port, calls: 20)
                #expect(await eventually { budget.isExhausted }, "two abusers spend the budget")
                try await harness.expectServing()  // a light client is still served
                try await harness.withClient { try await harness.expectServing($0) }

                // A new call from a heavy connection is refused at once; a retry is safe.
                try await first.call(101, Method.unary, messages: [SimpleRequest(responseSize: 1).encoded()])
                let end = try await first.streamEnd(101, within: .seconds(10))
                #expect(end?.code == .resourceExhausted, "got \(String(describing: end)); \(first.summary.suffix(200))")
                first.close()
                second.close()
                #expect(await eventually { harness.server.connectionCount == 1 })
                #expect(await eventually { !budget.isExhausted })
                try await harness.expectServing()
            }
        }

        @Test func aClientSendingMoreThanItsShareIsClosed() async throws {
            try await TestServer.withRawConnection(.seconds(10), configure: { $0.connectionMemoryShare = Self.share }) { raw, _ in
                try await raw.handshake()
                // Nine incomplete messages of 1 MiB, each within its stream's window, whose
                // credit comes back early (the server grants it while it keeps up): 9 MiB held.
                var buffer = ByteBuffer()
                let fragment = ByteBuffer(bytes: [UInt8](repeating: 7, count: 64 * 1024))
                for index in 0..<9 {
                    let id = UInt32(2 * index + 1)
                    FrameEncoder.encode(.headers(streamID: id, CallHeaders(method: Method.unary), endStream: false), into: &buffer)
                    for _ in 0..<16 { FrameEncoder.encode(.message(streamID: id, payload: fragment, flags: .more), into: &buffer) }
                }
                try? await raw.write(buffer)  // the server may close before it has read everything
                try await raw.expectGoAwayAndClose(.resourceExhausted, reasonContains: "share")
            }
        }
    }
}
