import Glibc
import Testing
import AuraPosix
import TestSupport

/// Blocks until `socket` is ready for `events` (POLLIN, POLLOUT): the event the test waits on.
private func waitUntilReady(_ descriptor: CInt, _ events: CInt) -> CInt {
    var entry = pollfd(fd: descriptor, events: Int16(events), revents: 0)
    while poll(&entry, 1, -1) < 0 && errno == EINTR {}
    return CInt(entry.revents)
}

/// A connected pair of loopback TCP sockets.
private func connectedPair() throws -> (client: Socket, server: Socket) {
    let listener = try Socket.listen(on: SocketAddress(parsing: "127.0.0.1:0"))
    let port = try listener.localAddress().port
    let client = try Socket(family: .ipv4)
    if case .wouldBlock = try client.connect(to: SocketAddress(parsing: "127.0.0.1:\(port)")) {
        _ = waitUntilReady(client.descriptor, CInt(POLLOUT))
        try client.finishConnect()
    }
    _ = waitUntilReady(listener.descriptor, CInt(POLLIN))
    guard case .processed(let server) = try listener.accept() else { throw SystemError(call: "accept4", errno: EAGAIN) }
    return (client, server)
}

@Suite struct SocketTests {
    @Test func listenerGetsAnEphemeralPort() throws {
        let listener = try Socket.listen(on: SocketAddress(parsing: "127.0.0.1:0"))
        let address = try listener.localAddress()
        #expect(address.host == "127.0.0.1")
        #expect(address.port != 0)
    }

    @Test func bytesCrossAConnectedPair() throws {
        let (client, server) = try connectedPair()
        #expect(try client.remoteAddress() == server.localAddress())
        let sent = Array("hello".utf8)
        #expect(try sent.withUnsafeBytes { try client.write($0) } == .processed(5))
        _ = waitUntilReady(server.descriptor, CInt(POLLIN))
        var received = [UInt8](repeating: 0, count: 16)
        let count = try received.withUnsafeMutableBytes { try server.read(into: $0) }
        #expect(count == .processed(5))
        #expect(Array(received.prefix(5)) == sent)
    }

    @Test func readWithNothingToReadWouldBlock() throws {
        let (client, server) = try connectedPair()
        var buffer = [UInt8](repeating: 0, count: 4)
        #expect(try buffer.withUnsafeMutableBytes { try server.read(into: $0) } == .wouldBlock)
        withExtendedLifetime(client) {}  // an open peer: no end of stream
    }

    @Test func closedPeerReadsAsEndOfStream() throws {
        let (client, server) = try connectedPair()
        client.close()
        client.close()  // idempotent
        #expect(!client.isOpen)
        _ = waitUntilReady(server.descriptor, CInt(POLLIN))
        var buffer = [UInt8](repeating: 0, count: 4)
        #expect(try buffer.withUnsafeMutableBytes { try server.read(into: $0) } == .processed(0))
    }

    @Test func writevSendsEveryVectorInOrder() throws {
        let (client, server) = try connectedPair()
        let first = Array("ab".utf8), second = Array("cde".utf8)
        let written = try first.withUnsafeBytes { a in
            try second.withUnsafeBytes { b in
                try client.writev([
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: a.baseAddress), iov_len: a.count),
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: b.baseAddress), iov_len: b.count),
                ])
            }
        }
        #expect(written == .processed(5))
        _ = waitUntilReady(server.descriptor, CInt(POLLIN))
        var buffer = [UInt8](repeating: 0, count: 8)
        #expect(try buffer.withUnsafeMutableBytes { try server.read(into: $0) } == .processed(5))
        #expect(String(decoding: buffer.prefix(5), as: UTF8.self) == "abcde")
    }

    @Test func connectingToAClosedPortIsRefused() throws {
        let port = try UnusedPort.next()
        let client = try Socket(family: .ipv4)
        do {
            if case .wouldBlock = try client.connect(to: SocketAddress(parsing: "127.0.0.1:\(port)")) {
                _ = waitUntilReady(client.descriptor, CInt(POLLOUT))
                try client.finishConnect()
            }
            Issue.record("connected to a closed port")
        } catch {
            #expect(error as? SystemError == SystemError(call: "connect", errno: ECONNREFUSED))
        }
    }

    @Test func bindingATakenPortFailsWithAddressInUse() throws {
        let first = try Socket.listen(on: SocketAddress(parsing: "127.0.0.1:0"))
        let taken = try first.localAddress()
        #expect(throws: SystemError(call: "bind", errno: EADDRINUSE)) { _ = try Socket.listen(on: taken) }
    }
}

@Suite struct EventFDTests {
    @Test func signalMakesItReadableAndDrainResets() throws {
        let event = try EventFD()
        var entry = pollfd(fd: event.descriptor, events: Int16(POLLIN), revents: 0)
        #expect(poll(&entry, 1, 0) == 0)
        try event.signal()
        try event.signal()
        #expect(poll(&entry, 1, 0) == 1)
        try event.drain()
        #expect(poll(&entry, 1, 0) == 0)
        try event.drain()  // draining an empty counter is not an error
    }
}
