import AuraEventLoop
import AuraPosix
import Dispatch
import Glibc
import Testing

@Suite struct ListenerCloseTests {
    /// `close()` only asks the loops; it returns while a loop is busy, and the socket closes
    /// once that loop gets to it.
    @Test func closeReturnsAtOnceEvenWhileALoopIsBusy() async throws {
        try await withGroup(loops: 1) { group in
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in EchoHandler() }
            let release = DispatchSemaphore(value: 0)
            let busy = DispatchSemaphore(value: 0)
            group.loops[0].execute {
                busy.signal()
                release.wait()  // the loop is stuck in this work item until the test releases it
            }
            await withCheckedContinuation { done in
                DispatchQueue.global().async {
                    busy.wait()
                    done.resume()
                }
            }
            listener.close()  // the old, blocking close would wait here forever
            release.signal()
            await listener.waitUntilClosed()
            // Every listening socket is gone: a socket without SO_REUSEADDR can bind the port.
            let probe = try Socket(family: .ipv4)
            defer { probe.close() }
            try probe.bind(to: listener.address)
        }
    }

    @Test func waitUntilClosedReturnsForEveryWaiterAndAfterTheFact() async throws {
        try await withGroup(loops: 2) { group in
            let listener = try Listener.bind("127.0.0.1:0", group: group) { _ in EchoHandler() }
            listener.close()
            listener.close()  // idempotent
            async let first: Void = listener.waitUntilClosed()
            async let second: Void = listener.waitUntilClosed()
            _ = await (first, second)
            await listener.waitUntilClosed()
        }
    }
}
