import PatternRedactorCore
import Testing

@Suite("US_SSN") struct SSNTests {
    @Test("valid numbers", arguments: ["123-45-6789", "078-05-1120", "665-12-3456", "899-99-9999", "001-01-0001", "219 09 9999"])
    func positive(number: String) {
        #expect(spans("SSN: \(number).") == [Span(.usSSN, number)])
    }

    @Test("dashes score higher than spaces")
    func scores() {
        #expect(PIIDetector().detect("123-45-6789").first?.score == 0.85)
        #expect(PIIDetector().detect("123 45 6789").first?.score == 0.5)
    }

    @Test("never-issued areas, groups and serials", arguments: [
        "000-12-3456", "666-12-3456", "900-12-3456", "999-12-3456", "123-00-4567", "123-45-0000",
    ])
    func invalid(number: String) {
        #expect(spans("SSN: \(number).") == [])
    }

    @Test("nine bare digits with a context word near", arguments: [
        ("SSN: 123456789", "123456789"), ("ssn 401871234 on file", "401871234"),
        ("my social security number is 219099999", "219099999"), ("Social Security No. 078051120", "078051120"),
        ("the SSN on the form, 518632417, is wrong", "518632417"), ("518632417 is my SSN", "518632417"),
        ("SSNs: 518632417", "518632417"), ("SOCIAL SECURITY 287654321", "287654321"),
    ])
    func bareWithContext(text: String, number: String) {
        #expect(spans(text) == [Span(.usSSN, number)])
        #expect(PIIDetector().detect(text).first?.score == 0.75)
    }

    @Test("nine bare digits without a context word, or not issuable, or the wrong length", arguments: [
        "Tracking number 123456789", "Order 219099999 shipped", "SSN: 000123456", "SSN: 666123456", "SSN: 900123456",
        "SSN: 123004567", "SSN: 123450000", "SSN 1234567890", "SSN 12345678", "SSN 12345678x9", "lessn 123456789",
        "SSNX 123456789", "Socialsecurity 219099999",
        "SSN questions go to HR. Unrelated: the invoice for last month's order is 123456789",
        "123456789 was shipped today, so please do not ask for the SSN",
    ])
    func bareWithoutContext(text: String) {
        #expect(spans(text).filter { $0.type == .usSSN } == [])
    }

    @Test("other shapes", arguments: [
        "123456789", "123-456-789", "1234-45-6789", "123-45-67890", "x123-45-6789", "123-45-6789z", "123-45 6789",
        "123-45-6789-1", "1.123-45-6789",
    ])
    func negative(text: String) {
        #expect(spans("ID \(text) end").filter { $0.type == .usSSN } == [])
    }
}
