/// IBAN rules: the length each country's IBANs have (the SWIFT registry) and the ISO 7064
/// mod 97-10 check: move the first four characters to the end, read letters as 10-35, and the
/// number must leave remainder 1 when divided by 97.
public enum IBANChecksum {
    /// Whether `iban` (spaces allowed anywhere, upper-case letters) has its country's length and
    /// a valid check.
    public static func isValid(_ iban: some StringProtocol) -> Bool {
        let compact = iban.utf8.filter { $0 != ASCII.space }
        guard compact.count >= 4, let length = expectedLength(compact[0], compact[1]), compact.count == length else {
            return false
        }
        return remainder(compact) == 1
    }

    /// The length of IBANs of `countryCode` (ISO 3166 alpha-2, upper case), or nil if the
    /// country does not use IBANs.
    public static func expectedLength(countryCode: some StringProtocol) -> Int? {
        let code = Array(countryCode.utf8)
        return code.count == 2 ? expectedLength(code[0], code[1]) : nil
    }

    /// The mod-97 remainder of an IBAN in compact form (after the rearrangement), or nil if it
    /// holds a character other than an upper-case letter or a digit. Valid IBANs give 1.
    public static func remainder(_ compact: some Collection<UInt8>) -> Int? {
        guard compact.count > 4 else { return nil }
        var value = 0
        for byte in compact.dropFirst(4) {
            guard let next = step(value, byte) else { return nil }
            value = next
        }
        for byte in compact.prefix(4) {
            guard let next = step(value, byte) else { return nil }
            value = next
        }
        return value
    }

    /// Appends one character to a running remainder: a digit is one decimal digit, a letter two.
    @inline(__always)
    static func step(_ remainder: Int, _ byte: UInt8) -> Int? {
        if ASCII.isDigit(byte) { return (remainder * 10 + ASCII.digitValue(byte)) % 97 }
        if ASCII.isUpper(byte) { return (remainder * 100 + Int(byte - 0x41) + 10) % 97 }
        return nil
    }

    static func expectedLength(_ first: UInt8, _ second: UInt8) -> Int? {
        lengths[UInt16(first) << 8 | UInt16(second)]
    }

    /// Country code and IBAN length, from the SWIFT IBAN registry.
    private static let lengths: [UInt16: Int] = {
        let table = """
            AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DK18 DO28 \
            EE20 EG29 ES24 FI18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 \
            IT27 JO30 KW30 KZ20 LB28 LC32 LI21 LT20 LU20 LV21 MC27 MD24 ME22 MK19 MR27 MT31 MU30 NL18 \
            NO15 PK24 PL28 PS29 PT25 QA29 RO24 RS22 SA24 SC31 SE24 SI19 SK24 SM27 ST25 SV28 TL23 TN24 \
            TR26 UA29 VA22 VG24 XK20
            """
        var lengths: [UInt16: Int] = [:]
        for entry in table.split(separator: " ") {
            let bytes = Array(entry.utf8)
            lengths[UInt16(bytes[0]) << 8 | UInt16(bytes[1])] = Int(String(entry.dropFirst(2)))!
        }
        return lengths
    }()
}
