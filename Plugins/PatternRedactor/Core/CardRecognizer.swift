/// Payment card numbers: 13-19 digits that pass the Luhn check, written as one run or in groups
/// (a first group of 4, then groups of 3-6, the last may be shorter) split by one consistent
/// separator, a space or a dash. A known issuer prefix (Visa, Mastercard, Amex, Discover, Diners,
/// JCB, UnionPay, Maestro, Mir) scores 0.9; an unknown one is flagged only when grouped, at 0.5.
extension Scanner {
    func card(at start: Int) -> Match? {
        let first = digitRun(from: start, limit: 20)
        if first >= 13 {
            guard first <= 19, Self.hasKnownIssuer(prefix: number(at: start, length: 4)),
                  numericEndAllowed(start + first), luhnPasses(start, start + first)
            else { return nil }
            return Match(type: .creditDebitNumber, begin: start, end: start + first, score: 0.9)
        }
        let separator = byte(start + 4)
        guard first == 4, separator == ASCII.space || separator == ASCII.dash else { return nil }
        var index = start + 4
        var digits = 4
        var longest: Int?
        while byte(index) == separator {
            let run = digitRun(from: index + 1, limit: 7)
            guard (1...6).contains(run), digits + run <= 19 else { break }
            index += 1 + run
            digits += run
            if digits >= 13, numericEndAllowed(index), luhnPasses(start, index) { longest = index }
            if run < 3 { break }  // a short group ends the number
        }
        guard let end = longest else { return nil }
        let known = Self.hasKnownIssuer(prefix: number(at: start, length: 4))
        return Match(type: .creditDebitNumber, begin: start, end: end, score: known ? 0.9 : 0.5)
    }

    private func luhnPasses(_ start: Int, _ end: Int) -> Bool {
        Luhn.isValid(ascii: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Whether the first four digits belong to a major card network's issuer range.
    static func hasKnownIssuer(prefix four: Int) -> Bool {
        let two = four / 100, three = four / 10
        if four / 1000 == 4 { return true }  // Visa
        switch two {
        case 51...55, 34, 37, 36, 38, 39, 65, 62, 50, 56...58, 63, 67: return true  // MC, Amex, Diners, Discover, UnionPay, Maestro
        default: break
        }
        switch three {
        case 300...305, 644...649: return true  // Diners, Discover
        default: break
        }
        switch four {
        case 2221...2720, 6011, 3528...3589, 2200...2204: return true  // Mastercard, Discover, JCB, Mir
        default: return false
        }
    }
}
