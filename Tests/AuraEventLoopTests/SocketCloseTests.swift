import AuraPosix
import Dispatch
import Glibc
import Testing

/// `Socket.close` may race with anything: it never closes a descriptor number twice, and a
/// closed socket never reaches whatever socket reuses its number.
@Suite struct SocketCloseTests {
    @Test func aClosedSocketFailsWithEBADFAndLeavesTheReusedNumberAlone() throws {
        // The next socket usually gets the number just freed, but other tests in this process
        // open descriptors too and may take it first: try until one is reused.
        var pair: (first: Socket, second: Socket)?
        for _ in 0..<100 where pair == nil {
            let first = try Socket(family: .ipv4)
            let number = first.descriptor
            first.close()
            #expect(first.descriptor == -1)
            #expect(!first.isOpen)
            let second = try Socket(family: .ipv4)
            if second.descriptor == number { pair = (first, second) } else { second.close() }
        }
        let (first, second) = try #require(pair, "no freed descriptor number was reused in 100 tries")

        #expect(throws: SystemError(call: "setsockopt(TCP_NODELAY)", errno: EBADF)) { try first.setNoDelay(true) }
        first.close()  // a second close must not close `second`
        #expect(fcntl(second.descriptor, F_GETFD) != -1)
        try second.setNoDelay(true)
    }

    @Test func concurrentClosesCloseOnce() throws {
        for _ in 0..<200 {
            let socket = try Socket(family: .ipv4)
            let reused = Locked<[Socket]>([])
            DispatchQueue.concurrentPerform(iterations: 4) { index in
                if index % 2 == 0 {
                    socket.close()
                } else if let other = try? Socket(family: .ipv4) {
                    reused.withValue { $0.append(other) }
                }
            }
            for other in reused.current {
                #expect(fcntl(other.descriptor, F_GETFD) != -1, "a close hit a reused descriptor")
            }
        }
    }

    @Test func closeWhileAnotherThreadUsesTheSocket() throws {
        let socket = try Socket.listen(on: SocketAddress(parsing: "127.0.0.1:0"))
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 {
                for _ in 0..<1_000 {
                    _ = try? socket.accept()  // EBADF once closed; never another socket's queue
                }
            } else {
                socket.close()
            }
        }
        #expect(!socket.isOpen)
        #expect(throws: SystemError(call: "accept4", errno: EBADF)) { try socket.accept() }
    }
}
