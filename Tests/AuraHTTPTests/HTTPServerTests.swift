import AuraHTTP
import Glibc
import Testing

/// The server against real sockets: a good request, and the hostile ones (oversized, trickled,
/// wrong method, too many connections) each answered and closed.
@Suite struct HTTPServerTests {
    private func withServer(
        _ adjust: (inout HTTPServerConfiguration) -> Void = { _ in }, _ body: (Int) throws -> Void
    ) async throws {
        var configuration = HTTPServerConfiguration(address: "127.0.0.1:0")
        adjust(&configuration)
        let server = try HTTPServer(configuration: configuration, routes: ["/hello": { request in .ok("hello \(request.query)\n") }])
        do {
            try body(server.port)
        } catch {
            await server.shutdown()
            throw error
        }
        await server.shutdown()
    }

    @Test func answersAGetAndCloses() async throws {
        try await withServer { port in
            let reply = try RawClient(port: port).exchange("GET /hello?x HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(reply.contains("Content-Length: 8\r\n") && reply.contains("Connection: close\r\n"))
            #expect(reply.hasSuffix("\r\n\r\nhello x\n"))
        }
    }

    @Test func unknownPathsGet404AndOtherMethods405() async throws {
        try await withServer { port in
            #expect(try RawClient(port: port).exchange("GET /nope HTTP/1.1\r\n\r\n").hasPrefix("HTTP/1.1 404 "))
            let reply = try RawClient(port: port).exchange("DELETE /hello HTTP/1.1\r\n\r\n")
            #expect(reply.hasPrefix("HTTP/1.1 405 ") && reply.contains("Allow: GET\r\n"))
        }
    }

    @Test func anOversizedRequestGets431() async throws {
        try await withServer({ $0.maxHeadBytes = 1024 }) { port in
            let reply = try RawClient(port: port).exchange("GET /hello HTTP/1.1\r\nX: " + String(repeating: "a", count: 4 * 1024))
            #expect(reply.hasPrefix("HTTP/1.1 431 "))
        }
    }

    @Test func aTrickledRequestGets408AtItsDeadline() async throws {
        try await withServer({ $0.requestTimeout = .milliseconds(200) }) { port in
            let client = try RawClient(port: port)
            try client.send("GET /hello HTTP/1.1\r\n")  // and never the end of the head
            #expect(try client.readToEnd().hasPrefix("HTTP/1.1 408 "))
        }
    }

    @Test func connectionsPastTheLimitGet503() async throws {
        try await withServer({ $0.maxConnections = 1 }) { port in
            let first = try RawClient(port: port)
            try first.send("GET /hel")  // holds the only slot
            #expect(try RawClient(port: port).readToEnd().hasPrefix("HTTP/1.1 503 "))
            try first.send("lo HTTP/1.1\r\n\r\n")
            #expect(try first.readToEnd().hasPrefix("HTTP/1.1 200 "))
        }
    }
}

/// A blocking TCP client on 127.0.0.1 with a 10 s receive bound (a hung server fails the test
/// instead of hanging it).
final class RawClient {
    struct Failure: Error { let call: String }
    private let descriptor: Int32

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(call: "socket") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
        }
        guard connected else {
            close(descriptor)
            throw Failure(call: "connect")
        }
    }

    deinit { close(descriptor) }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { return }  // the server closed early (an oversized request): read its answer
            sent += count
        }
    }

    func readToEnd() throws -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count == 0 || (count < 0 && errno == ECONNRESET) { break }
            guard count > 0 else { throw Failure(call: "recv (errno \(errno))") }
            bytes += chunk[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func exchange(_ request: String) throws -> String {
        try send(request)
        return try readToEnd()
    }
}
