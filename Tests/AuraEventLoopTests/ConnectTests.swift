import AuraEventLoop
import AuraPosix
import Glibc
import Testing

@Suite struct ConnectTests {
    @Test func connectToAClosedPortThrowsConnectionRefused() async throws {
        try await withGroup { group in
            // Bound but not listening, and held: no parallel test can take the port meanwhile.
            let closed = try Socket(family: .ipv4)
            defer { closed.close() }
            try closed.bind(to: SocketAddress(parsing: "127.0.0.1:0"))
            let address = try closed.localAddress()
            do {
                _ = try await connect(to: address, on: group.next()) { _ in RecordingHandler() }
                Issue.record("connect to a closed port succeeded")
            } catch let error as SystemError {
                #expect(error.errno == ECONNREFUSED)
                #expect(error.call == "connect")
            }
        }
    }

    @Test func connectThatGetsNoAnswerTimesOut() async throws {
        // A listener whose accept queue is full drops new SYNs, so the connect hangs.
        let blocked = try Socket.listen(on: SocketAddress(parsing: "127.0.0.1:0"), backlog: 0)
        defer { blocked.close() }
        let address = try blocked.localAddress()
        try await withGroup(loops: 1) { group in
            var filler: [Channel] = []
            var timedOut: SystemError?
            for _ in 0..<8 where timedOut == nil {
                do {
                    filler.append(try await connect(to: address, on: group.loops[0], timeout: .milliseconds(50)) { _ in
                        RecordingHandler()
                    })
                } catch let error as SystemError {
                    timedOut = error
                }
            }
            #expect(timedOut?.errno == ETIMEDOUT)
            #expect(filler.count >= 1)
        }
    }

    @Test func cancellingTheTaskCancelsTheConnect() async throws {
        let blocked = try Socket.listen(on: SocketAddress(parsing: "127.0.0.1:0"), backlog: 0)
        defer { blocked.close() }
        let address = try blocked.localAddress()
        try await withGroup(loops: 1) { group in
            let loop = group.loops[0]
            var attempts: [Task<Channel, any Error>] = []
            for _ in 0..<8 {
                attempts.append(Task { try await connect(to: address, on: loop) { _ in RecordingHandler() } })
            }
            try await Task.sleep(for: .milliseconds(50))
            for attempt in attempts { attempt.cancel() }
            var cancelled = 0
            for attempt in attempts {
                if case .failure(let error) = await attempt.result, error is CancellationError { cancelled += 1 }
            }
            #expect(cancelled >= 1)  // the ones left hanging in SYN retries
        }
    }
}
