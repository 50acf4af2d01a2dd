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

    @Test("other shapes", arguments: [
        "123456789", "123-456-789", "1234-45-6789", "123-45-67890", "x123-45-6789", "123-45-6789z", "123-45 6789",
        "123-45-6789-1", "1.123-45-6789",
    ])
    func negative(text: String) {
        #expect(spans("ID \(text) end").filter { $0.type == .usSSN } == [])
    }
}
