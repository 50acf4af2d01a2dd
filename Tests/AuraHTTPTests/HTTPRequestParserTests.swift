import AuraHTTP
import Testing

@Suite struct HTTPRequestParserTests {
    private func parse(_ chunks: [String], limit: Int = 8 * 1024) -> [HTTPRequestParser.Outcome] {
        var parser = HTTPRequestParser(maxHeadBytes: limit)
        return chunks.map { chunk in Array(chunk.utf8).withUnsafeBytes { parser.feed($0) } }
    }

    private func status(_ outcome: HTTPRequestParser.Outcome?) -> Int? {
        if case .refuse(let response) = outcome { return response.status }
        return nil
    }

    @Test func aGetInOneChunk() {
        #expect(parse(["GET /metrics?x=1 HTTP/1.1\r\nHost: a\r\n\r\n"]) == [.request(HTTPRequest(path: "/metrics", query: "x=1"))])
    }

    @Test func aGetByteByByte() {
        let text = "GET /healthz HTTP/1.0\r\nUser-Agent: t\r\n\r\n"
        let outcomes = parse(text.map { String($0) })
        #expect(outcomes.dropLast().allSatisfy { $0 == .needMoreBytes })
        #expect(outcomes.last == .request(HTTPRequest(path: "/healthz", query: "")))
    }

    @Test func otherMethodsGet405WithAllow() {
        for method in ["POST", "PUT", "DELETE", "HEAD", "get"] {
            let outcome = parse(["\(method) /metrics HTTP/1.1\r\n\r\n"]).last
            #expect(status(outcome) == 405, "\(method)")
            if case .refuse(let response) = outcome { #expect(response.headers.map(\.name) == ["Allow"]) }
        }
    }

    @Test func anOversizedHeadGets431WithoutWaitingForItsEnd() {
        let outcomes = parse(["GET /metrics HTTP/1.1\r\n", "X: " + String(repeating: "a", count: 200)], limit: 128)
        #expect(outcomes.first == .needMoreBytes)
        #expect(status(outcomes.last) == 431)
    }

    @Test func aHeadExactlyAtTheLimitIsAccepted() {
        let head = "GET / HTTP/1.1\r\nX: aa\r\n\r\n"
        #expect(parse([head], limit: head.utf8.count).last == .request(HTTPRequest(path: "/", query: "")))
        #expect(status(parse([head], limit: head.utf8.count - 1).last) == 431)
    }

    @Test func malformedRequestLinesGet400() {
        for line in ["GET\r\n\r\n", "GET  /metrics HTTP/1.1\r\n\r\n", "GET metrics HTTP/1.1\r\n\r\n", "GET /a b HTTP/1.1\r\n\r\n", "GET /m FTP/1.1\r\n\r\n", "\r\n\r\n"] {
            #expect(status(parse([line]).last) == 400, "\(line.debugDescription)")
        }
    }

    @Test func otherVersionsGet505() {
        #expect(status(parse(["GET / HTTP/2.0\r\n\r\n"]).last) == 505)
    }

    @Test func bytesAfterAnOutcomeAreIgnored() {
        #expect(parse(["GET / HTTP/1.1\r\n\r\n", "GET /again HTTP/1.1\r\n\r\n"]).last == .needMoreBytes)
    }
}

@Suite struct HTTPRequestAuthorizationTests {
    private func request(_ head: String) -> HTTPRequest? {
        var parser = HTTPRequestParser()
        if case .request(let request) = Array(head.utf8).withUnsafeBytes({ parser.feed($0) }) { return request }
        return nil
    }

    @Test func theAuthorizationHeaderIsKeptInAnyCaseAndTrimmed() {
        #expect(request("GET /dashboard HTTP/1.1\r\nHost: a\r\nAUTHORIZATION:  Bearer abc \r\n\r\n")?.authorization == "Bearer abc")
        #expect(request("GET /dashboard HTTP/1.1\r\nauthorization: Bearer x\r\nAccept: */*\r\n\r\n")?.authorization == "Bearer x")
    }

    @Test func otherHeadersAreNotTakenForIt() {
        #expect(request("GET / HTTP/1.1\r\nX-Authorization: Bearer a\r\nAuthorizationX: b\r\n\r\n")?.authorization == nil)
    }

    @Test func queryValuesAreFoundByName() {
        let request = HTTPRequest(path: "/", query: "resolution=minute&key=aura_1&empty")
        #expect(request.queryValue("key") == "aura_1")
        #expect(request.queryValue("empty") == "")
        #expect(request.queryValue("points") == nil)
    }
}
