import PatternRedactorCore
import Testing

@Suite("PHONE") struct PhoneTests {
    @Test("US forms", arguments: [
        "(415) 555-0123", "(415)555-0123", "415-555-0123", "415.555.0123", "415 555 0123", "1-800-555-0199",
        "+1 415 555 0123", "+1-415-555-0123", "+1 (415) 555-0123", "+14155550123", "+1.415.555.0123",
    ])
    func us(number: String) {
        #expect(spans("Call \(number) now.") == [Span(.phone, number)])
    }

    @Test("international E.164 forms", arguments: [
        "+44 20 7946 0958", "+4915112345678", "+49 151 1234 5678", "+33 1 23 45 67 89", "+44 (0)20 7946 0958",
        "+81-3-1234-5678", "+61 2 9876 5432", "+353 1 234 5678",
    ])
    func international(number: String) {
        #expect(spans("Call \(number) now.") == [Span(.phone, number)])
    }

    @Test("scores follow the shape")
    func scores() {
        let detector = PIIDetector(types: [.phone])
        #expect(detector.detect("(415) 555-0123").first?.score == 0.75)
        #expect(detector.detect("415 555 0123").first?.score == 0.5)
        #expect(detector.detect("+44 20 7946 0958").first?.score == 0.8)
    }

    @Test("more than 15 digits: the number ends at the last group that fits")
    func tooLong() {
        #expect(spans("+44 20 7946 0958 1234") == [Span(.phone, "+44 20 7946 0958")])
    }

    @Test("is not found in look-alikes", arguments: [
        "4155550123", "(123) 555-0123", "415-155-0123", "+1 123 555 0123", "+1 415 555 012", "+1234567",
        "415-555-01234", "415-555-0123-99", "415-555.0123", "555-0123", "+0 20 7946 0958", "x415-555-0123",
        "415-555-0123x", "2+44 20 7946 0958",
    ])
    func negative(text: String) {
        #expect(spans("Ref \(text) end").filter { $0.type == .phone } == [])
    }
}
