/// A request the server answers: a GET of `path` (the target without its query).
public struct HTTPRequest: Sendable, Equatable {
    /// The path, e.g. "/metrics".
    public var path: String
    /// The query after `?`, or empty.
    public var query: String
    /// The `Authorization` header's value, if one came (the only header kept).
    public var authorization: String?
    /// Whether the peer connected from this machine's loopback (set by the server, not parsed).
    public var peerIsLoopback: Bool

    /// A request for `path`.
    public init(path: String, query: String = "", authorization: String? = nil, peerIsLoopback: Bool = false) {
        self.path = path
        self.query = query
        self.authorization = authorization
        self.peerIsLoopback = peerIsLoopback
    }

    /// The value of `name` in the query (`a=1&key=...`), undecoded; nil when absent.
    public func queryValue(_ name: String) -> String? {
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts[0] == name { return parts.count > 1 ? String(parts[1]) : "" }
        }
        return nil
    }
}

/// Reads one request head, byte chunk by byte chunk, within a size limit: the pure half of the
/// HTTP server, tested without sockets. Only `GET` is served; a body is never read (the
/// connection closes after the response).
public struct HTTPRequestParser: Sendable {
    /// What the bytes so far amount to.
    public enum Outcome: Sendable, Equatable {
        /// The head is not complete yet.
        case needMoreBytes
        /// A GET request.
        case request(HTTPRequest)
        /// A request to refuse with this response (400, 405, 431, 505).
        case refuse(HTTPResponse)
    }

    /// The largest request head accepted (request line and headers).
    public let maxHeadBytes: Int
    private var head: [UInt8] = []
    private var finished = false

    /// A parser accepting heads up to `maxHeadBytes`.
    public init(maxHeadBytes: Int = 8 * 1024) { self.maxHeadBytes = maxHeadBytes }

    /// Adds received bytes. After an outcome other than `needMoreBytes`, further bytes are ignored
    /// (and `needMoreBytes` is returned).
    public mutating func feed(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        guard !finished else { return .needMoreBytes }
        let searchFrom = max(head.count - 3, 0)
        let room = maxHeadBytes - head.count
        head.append(contentsOf: bytes.prefix(max(room, 0) + 1))
        guard let end = Self.endOfHead(head, from: searchFrom) else {
            if head.count > maxHeadBytes { return finish(.refuse(.headersTooLarge)) }
            return .needMoreBytes
        }
        guard end <= maxHeadBytes else { return finish(.refuse(.headersTooLarge)) }
        return finish(Self.parse(head[..<end]))
    }

    private mutating func finish(_ outcome: Outcome) -> Outcome {
        finished = true
        head = []
        return outcome
    }

    /// The index just past the empty line ending the head, if it arrived.
    private static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 0x0D, bytes[index + 1] == 0x0A, bytes[index + 2] == 0x0D, bytes[index + 3] == 0x0A { return index + 4 }
            index += 1
        }
        return nil
    }

    private static func parse(_ head: ArraySlice<UInt8>) -> Outcome {
        guard let lineEnd = head.firstIndex(of: 0x0D) else { return .refuse(.badRequest) }
        let parts = head[head.startIndex..<lineEnd].split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 > 0x20 && $0 < 0x7F } }) else {
            return .refuse(.badRequest)
        }
        let method = String(decoding: parts[0], as: UTF8.self), target = String(decoding: parts[1], as: UTF8.self)
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version.hasPrefix("HTTP/") else { return .refuse(.badRequest) }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else { return .refuse(.versionNotSupported) }
        guard method == "GET" else { return .refuse(.methodNotAllowed) }
        guard target.hasPrefix("/") else { return .refuse(.badRequest) }
        let pieces = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        return .request(HTTPRequest(
            path: String(pieces[0]), query: pieces.count > 1 ? String(pieces[1]) : "", authorization: authorization(in: head[lineEnd...])))
    }

    /// The value of the `Authorization` header among the header lines, trimmed.
    private static func authorization(in headers: ArraySlice<UInt8>) -> String? {
        let name = Array("authorization:".utf8)
        for line in headers.split(separator: 0x0A) {
            let line = line.drop { $0 == 0x0D }
            guard line.count > name.count, zip(line.prefix(name.count), name).allSatisfy({ $0 | 0x20 == $1 }) else { continue }
            let value = line.dropFirst(name.count).drop { $0 == 0x20 || $0 == 0x09 }
            return String(decoding: value.reversed().drop { $0 == 0x0D || $0 == 0x20 || $0 == 0x09 }.reversed(), as: UTF8.self)
        }
        return nil
    }
}
