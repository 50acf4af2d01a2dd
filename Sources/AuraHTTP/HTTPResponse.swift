import AuraBytes

/// A response: status, content type and body. The server always closes the connection after
/// it (`Connection: close`): a scrape is one request, and it keeps the server stateless.
public struct HTTPResponse: Sendable, Equatable {
    /// The status code, e.g. 200.
    public var status: Int
    /// The reason phrase, e.g. "OK".
    public var reason: String
    /// The body's Content-Type.
    public var contentType: String
    /// The body.
    public var body: [UInt8]
    /// Extra header lines, e.g. `("Allow", "GET")`.
    public var headers: [(name: String, value: String)]

    /// A response.
    public init(status: Int, reason: String, contentType: String = "text/plain; charset=utf-8", body: String, headers: [(String, String)] = []) {
        self.status = status
        self.reason = reason
        self.contentType = contentType
        self.body = Array(body.utf8)
        self.headers = headers.map { (name: $0.0, value: $0.1) }
    }

    /// 200 with `body`.
    public static func ok(_ body: String, contentType: String = "text/plain; charset=utf-8") -> HTTPResponse {
        HTTPResponse(status: 200, reason: "OK", contentType: contentType, body: body)
    }

    static let badRequest = HTTPResponse(status: 400, reason: "Bad Request", body: "bad request\n")
    static let notFound = HTTPResponse(status: 404, reason: "Not Found", body: "not found\n")
    static let methodNotAllowed = HTTPResponse(status: 405, reason: "Method Not Allowed", body: "only GET\n", headers: [("Allow", "GET")])
    static let requestTimeout = HTTPResponse(status: 408, reason: "Request Timeout", body: "request timeout\n")
    static let headersTooLarge = HTTPResponse(status: 431, reason: "Request Header Fields Too Large", body: "request too large\n")
    static let unavailable = HTTPResponse(status: 503, reason: "Service Unavailable", body: "too many connections\n")
    static let versionNotSupported = HTTPResponse(status: 505, reason: "HTTP Version Not Supported", body: "HTTP/1.0 or HTTP/1.1 only\n")

    /// The bytes on the wire: status line, headers and body.
    public func encoded(includingBody: Bool = true) -> ByteBuffer {
        var head = "HTTP/1.1 \(status) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
        for header in headers { head += "\(header.name): \(header.value)\r\n" }
        head += "Connection: close\r\n\r\n"
        var buffer = ByteBuffer(capacity: head.utf8.count + body.count)
        _ = buffer.writeString(head)
        if includingBody { buffer.writeBytes(body) }
        return buffer
    }

    public static func == (lhs: HTTPResponse, rhs: HTTPResponse) -> Bool {
        lhs.status == rhs.status && lhs.reason == rhs.reason && lhs.contentType == rhs.contentType && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}
