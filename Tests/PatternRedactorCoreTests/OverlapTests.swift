import PatternRedactorCore
import Testing

/// Where candidates overlap, one wins: entities come sorted by begin and never overlap.
@Suite("Overlaps and type selection") struct OverlapTests {
    @Test("a URL holding an e-mail address is one URL")
    func urlOverEmail() {
        #expect(spans("https://ana@example.com/inbox") == [Span(.url, "https://ana@example.com/inbox")])
    }

    @Test("an e-mail whose local part is a phone number is one e-mail")
    func emailOverPhone() {
        #expect(spans("415-555-0123@example.com") == [Span(.email, "415-555-0123@example.com")])
    }

    @Test("an e-mail whose domain starts with www is one e-mail")
    func emailOverURL() {
        #expect(spans("info@www.example.com") == [Span(.email, "info@www.example.com")])
    }

    @Test("a URL with an IP host is one URL")
    func urlOverIP() {
        #expect(spans("http://10.0.0.1/admin") == [Span(.url, "http://10.0.0.1/admin")])
    }

    @Test("without URL detection, the parts inside a URL are found")
    func restrictedTypes() {
        let detector = PIIDetector(types: [.email, .ipAddress])
        #expect(spans("https://ana@example.com/x and http://10.0.0.1/", detector: detector) == [
            Span(.email, "ana@example.com"), Span(.ipAddress, "10.0.0.1"),
        ])
    }

    @Test("only the requested types are reported")
    func typeFilter() {
        let text = "ana@example.com 415-555-0123 123-45-6789 4111 1111 1111 1111"
        #expect(spans(text, detector: PIIDetector(types: [.usSSN])) == [Span(.usSSN, "123-45-6789")])
        #expect(PIIDetector(types: []).detect(text) == [])
        #expect(PIIDetector().types == PIIType.all)
    }

    @Test("results are sorted and disjoint on dense input")
    func sortedAndDisjoint() {
        let text = "a@b.co,415-555-0123,1.2.3.4,::1,DE89370400440532013000,AKIAIOSFODNN7EXAMPLE https://x.io/a@b.co"
        let found = PIIDetector().detect(text)
        #expect(found.count == 7)
        for (previous, next) in zip(found, found.dropFirst()) {
            #expect(previous.end <= next.begin)
        }
    }

    @Test("comma-separated fields are separate values")
    func csv() {
        #expect(spans("ana@example.com,415-555-0123,123-45-6789,10.0.0.1") == [
            Span(.email, "ana@example.com"), Span(.phone, "415-555-0123"), Span(.usSSN, "123-45-6789"),
            Span(.ipAddress, "10.0.0.1"),
        ])
    }

    @Test("wire names are stable")
    func wireNames() {
        #expect(PIIType.allCases.map(\.rawValue) == [
            "EMAIL", "PHONE", "US_SSN", "CREDIT_DEBIT_NUMBER", "IBAN", "IP_ADDRESS", "URL", "AWS_ACCESS_KEY",
            "AWS_SECRET_KEY", "GITHUB_TOKEN", "GOOGLE_API_KEY", "SLACK_TOKEN", "STRIPE_API_KEY",
        ])
    }
}
