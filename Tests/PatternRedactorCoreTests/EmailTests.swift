import PatternRedactorCore
import Testing

@Suite("EMAIL") struct EmailTests {
    @Test("is found in a sentence", arguments: [
        "ana@example.com", "john.doe+tag@mail.example.co.uk", "first_last%x@sub-domain.example.org",
        "UPPER.Case@EXAMPLE.COM", "x@example.museum", "a1-b2@host.xn--p1ai",
    ])
    func positive(address: String) {
        #expect(spans("Write to \(address) today.") == [Span(.email, address)])
    }

    @Test("at the very start and end of the text")
    func edges() {
        #expect(spans("ana@example.com") == [Span(.email, "ana@example.com")])
        #expect(spans("<ana@example.com>") == [Span(.email, "ana@example.com")])
    }

    @Test("a trailing dot ends the sentence, not the domain")
    func trailingDot() {
        #expect(spans("Mail ana@example.com.") == [Span(.email, "ana@example.com")])
    }

    @Test("file names with a density suffix or a file extension are not addresses", arguments: [
        "logo@2x.png", "hero@3x.webp", "bg@1.5x.jpg", "sprite@2x.svg", "avatar@2X.JPEG", "icon@4x.zip",
        "photo@home.heic", "scan@office.pdf", "a@b.gif",
    ])
    func fileNames(text: String) {
        #expect(spans("![img](\(text)) and url(\(text));").filter { $0.type == .email } == [])
    }

    @Test("addresses that only look like file names at first", arguments: [
        "logo@company.com", "dev@2xstudio.com", "hero@studio.io", "x@2x.example.com", "me@png.example.org", "p@pngs.com",
    ])
    func notFileNames(address: String) {
        #expect(spans("Mail \(address) now") == [Span(.email, address)])
    }

    @Test("is not found in look-alikes", arguments: [
        "@handle", "user@localhost", "user@example", "user@example.c", "user@example.123", "a..b@example.com",
        "user.@example.com", "user@-example.com", "user@example-.com", "user@example.com_x", "user@@example.com",
        "x@y@example.com",
    ])
    func negative(text: String) {
        #expect(spans("See \(text) here").filter { $0.type == .email } == [])
    }
}
