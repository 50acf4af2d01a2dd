import PatternRedactorCore
import Testing

@Suite("IBAN") struct IBANTests {
    @Test("grouped and compact, several countries", arguments: [
        "DE89 3704 0044 0532 0130 00", "DE89370400440532013000", "GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432",
        "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00", "CH93 0076 2011 6238 5295 7",
        "ES91 2100 0418 4502 0005 1332", "BE68 5390 0754 7034", "NO93 8601 1117 947", "IT60 X054 2811 1010 0000 0123 456",
        "PL61 1090 1014 0000 0712 1981 2874",
    ])
    func positive(iban: String) {
        #expect(spans("Pay to \(iban), thanks") == [Span(.iban, iban)])
    }

    @Test("groups of four split by dashes", arguments: [
        "DE89-3704-0044-0532-0130-00", "GB82-WEST-1234-5698-7654-32", "FR14-2004-1010-0505-0001-3M02-606",
        "NL91-ABNA-0417-1643-00", "BE68-5390-0754-7034", "NO93-8601-1117-947",
    ])
    func dashed(iban: String) {
        #expect(spans("IBAN: \(iban).") == [Span(.iban, iban)])
        #expect(PIIDetector().detect(iban).first?.score == 0.95)
    }

    @Test("dashed look-alikes: a wrong check, mixed separators, other groupings, a longer token", arguments: [
        "DE89-3704-0044-0532-0130-01", "DE89 3704-0044 0532-0130 00", "DE89-37040-044-0532-0130-00",
        "DE89--3704-0044-0532-0130-00", "DE89-3704-0044-0532-0130-00-17", "GB82-WEST-1234", "AB12-3456-7890-1234",
    ])
    func dashedNegative(text: String) {
        #expect(spans("Ref \(text) end").filter { $0.type == .iban } == [])
    }

    @Test("is not found in look-alikes", arguments: [
        "DE89 3704 0044 0532 0130 01", "DE89370400440532013", "DE8937040044053201300012", "XX89370400440532013000",
        "de89370400440532013000", "DE89 37040 044 0532 0130 00", "xDE89370400440532013000", "DE89370400440532013000x",
        "DE89  3704 0044 0532 0130 00",
    ])
    func negative(text: String) {
        #expect(spans("Pay \(text) end").filter { $0.type == .iban } == [])
    }
}

@Suite("IBAN mod 97") struct IBANChecksumTests {
    @Test("valid IBANs leave remainder 1")
    func valid() {
        #expect(IBANChecksum.isValid("DE89 3704 0044 0532 0130 00"))
        #expect(IBANChecksum.isValid("GB82WEST12345698765432"))
        #expect(IBANChecksum.remainder(Array("DE89370400440532013000".utf8)) == 1)
    }

    @Test("a changed digit, swapped digits, a wrong length or country fail")
    func invalid() {
        #expect(!IBANChecksum.isValid("DE89 3704 0044 0532 0130 01"))
        #expect(!IBANChecksum.isValid("DE89 3704 0044 0532 0103 00"))
        #expect(!IBANChecksum.isValid("DE89 3704 0044 0532 0130 0"))
        #expect(!IBANChecksum.isValid("XX89 3704 0044 0532 0130 00"))
        #expect(!IBANChecksum.isValid("de89 3704 0044 0532 0130 00"))
        #expect(!IBANChecksum.isValid(""))
        #expect(IBANChecksum.remainder(Array("DE89-3704".utf8)) == nil)
    }

    @Test("country lengths")
    func lengths() {
        #expect(IBANChecksum.expectedLength(countryCode: "DE") == 22)
        #expect(IBANChecksum.expectedLength(countryCode: "NO") == 15)
        #expect(IBANChecksum.expectedLength(countryCode: "MT") == 31)
        #expect(IBANChecksum.expectedLength(countryCode: "US") == nil)
        #expect(IBANChecksum.expectedLength(countryCode: "D") == nil)
    }

    @Test("the check digits are what mod 97 requires")
    func checkDigits() {
        // ISO 13616: check = 98 - (BBAN + country + "00") mod 97.
        let bban = "370400440532013000"
        let remainder = IBANChecksum.remainder(Array("DE00\(bban)".utf8))!
        #expect(98 - remainder == 89)
    }
}
