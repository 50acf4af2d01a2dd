/// IBANs: a country code, two check digits and the BBAN (upper-case letters and digits), in
/// compact form or in groups of four split by single spaces or single dashes (one kind per
/// IBAN). The length must be the country's and the mod-97 check must hold, so a match is near
/// certain (score 0.95).
extension Scanner {
    func iban(at start: Int) -> Match? {
        let country0 = byte(start), country1 = byte(start + 1), check0 = byte(start + 2), check1 = byte(start + 3)
        guard ASCII.isUpper(country1), ASCII.isDigit(check0), ASCII.isDigit(check1),
              let length = IBANChecksum.expectedLength(country0, country1)
        else { return nil }
        var remainder = 0
        var index = start + 4
        var characters = 4
        var separator: UInt8 = 0  // the first one seen; the others must match it
        while characters < length {
            let next = byte(index)
            if let value = IBANChecksum.step(remainder, next) {
                remainder = value
                characters += 1
                index += 1
            } else if next == ASCII.space || next == ASCII.dash, separator == 0 || separator == next,
                      characters % 4 == 0, ASCII.isAlnum(byte(index + 1)) {
                separator = next
                index += 1
            } else {
                return nil
            }
        }
        // The country code and check digits go last.
        guard let withCountry0 = IBANChecksum.step(remainder, country0),
              let withCountry1 = IBANChecksum.step(withCountry0, country1),
              let withCheck0 = IBANChecksum.step(withCountry1, check0),
              IBANChecksum.step(withCheck0, check1) == 1, !isWordAt(index),
              !(byte(index) == ASCII.dash && ASCII.isAlnum(byte(index + 1)))  // a longer dashed token
        else { return nil }
        return Match(type: .iban, begin: start, end: index, score: 0.95)
    }
}
