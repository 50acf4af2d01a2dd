import PatternRedactorCore
import Testing

@Suite("PHONE (UK and French national forms)") struct NationalPhoneTests {
    @Test("UK forms", arguments: [
        "020 7946 0684", "0207 946 0684", "0161 496 0000", "0808 157 0192", "01632 960000", "07700 900123",
        "07700 900 123", "020-7946-0684", "(020) 7946 0684", "(01632) 960000", "(0161) 496 0000",
    ])
    func uk(number: String) {
        #expect(spans("Call \(number) after 6pm.") == [Span(.phone, number)])
    }

    @Test("French forms", arguments: ["01 06 57 83 88", "06 12 34 56 78", "01.06.57.83.88", "06-12-34-56-78", "09 70 00 12 34"])
    func french(number: String) {
        #expect(spans("Appelez le \(number), merci.") == [Span(.phone, number)])
    }

    @Test("+44 and +33 forms", arguments: [
        "+44 20 7946 0684", "+44 (0)20 7946 0684", "+44 7700 900123", "+447700900123", "+33 1 06 57 83 88",
        "+33 (0)6 12 34 56 78", "+33 6 12 34 56 78", "+33.6.12.34.56.78",
    ])
    func international(number: String) {
        #expect(spans("Call \(number) now.") == [Span(.phone, number)])
    }

    @Test("scores")
    func scores() {
        let detector = PIIDetector(types: [.phone])
        #expect(detector.detect("020 7946 0684").map(\.score) == [0.6])
        #expect(detector.detect("(020) 7946 0684").map(\.score) == [0.7])
        #expect(detector.detect("01 06 57 83 88").map(\.score) == [0.6])
    }

    @Test("look-alikes: other groupings, lists, dates, versions, mixed separators", arguments: [
        "10 06 57 83 88", "01 06 2024", "01 06 57 83", "01 06 57 83 88 99", "99 01 06 57 83 88", "01.06.57.83.88.1",
        "00 12 34 56 78", "020 7946 068", "2020 7946 0684", "01 06-57 83.88", "01 06 57 83 88th", "020 79460684",
        "0207946 0684", "02079460684", "0601020304", "020.7946.0684", "0441 234 5678", "07700 9001234", "(020)7946 0684",
        "(01) 06 57 83 88", "#01 06 57 83 88", "2024-01 06 57 83 88",
    ])
    func negative(text: String) {
        #expect(spans("Ref \(text) end").filter { $0.type == .phone } == [])
    }

    @Test("only where phones are asked for")
    func typeMask() {
        #expect(PIIDetector(types: [.email]).detect("020 7946 0684 or (020) 7946 0684").isEmpty)
    }
}
