import PatternRedactorCore
import Testing

@Suite("URL") struct URLTests {
    @Test("schemes and www hosts", arguments: [
        "https://example.com", "http://example.com/path?q=1&r=2#frag", "https://user:pw@example.com:8443/a/b",
        "ftp://files.example.org/pub/file.txt", "www.example.com", "www.example.co.uk/page", "HTTPS://EXAMPLE.COM/X",
        "http://192.168.1.1:8080/admin", "http://[::1]:8080/", "https://en.wikipedia.org/wiki/Foo_(bar)",
        "http://localhost:3000/x",
    ])
    func positive(url: String) {
        #expect(spans("Open \(url) now") == [Span(.url, url)])
    }

    @Test("sentence punctuation and unbalanced brackets are left out")
    func trimming() {
        #expect(spans("Visit https://example.com.") == [Span(.url, "https://example.com")])
        #expect(spans("(see https://example.com/a)") == [Span(.url, "https://example.com/a")])
        #expect(spans("Is it https://example.com/?q=1?") == [Span(.url, "https://example.com/?q=1")])
        #expect(spans("'https://example.com/x', then") == [Span(.url, "https://example.com/x")])
        #expect(spans("<https://example.com/x>") == [Span(.url, "https://example.com/x")])
    }

    @Test("a URL stops at a space or non-ASCII")
    func stops() {
        #expect(spans("https://example.com/caf\u{e9}") == [Span(.url, "https://example.com/caf")])
    }

    @Test("is not found in look-alikes", arguments: [
        "http://", "https:// example.com", "www.example", "example.com", "wwwexample.com", "xhttps://example.com",
        "mailto", "www..com",
    ])
    func negative(text: String) {
        #expect(spans("Open \(text) now").filter { $0.type == .url } == [])
    }
}
