/// Payment card numbers: 13-19 digits that pass the Luhn check, written as one run or in groups
/// (a first group of 4, then groups of 3-6, the last may be shorter) split by one consistent
/// separator, a space or a dash. A known issuer prefix (Visa, Mastercard, Amex, Discover, Diners,
/// JCB, UnionPay, Maestro, Mir) scores 0.9, and the number must have a length that network
/// issues (a 15-digit "Visa" is an IMEI, an 18-digit "Amex" part of something else); an unknown
/// prefix is flagged only when grouped, at 0.5. Whatever the words around it say ("card"), a
/// number that fails Luhn is no card.
extension Scanner {
    func card(at start: Int) -> Match? {
        let first = digitRun(from: start, limit: 20)
        if first >= 13 {
            guard let lengths = Self.issuerLengths(prefix: number(at: start, length: 4)), lengths.contains(first),
                  numericEndAllowed(start + first), luhnPasses(start, start + first)
            else { return nil }
            return Match(type: .creditDebitNumber, begin: start, end: start + first, score: 0.9)
        }
        let separator = byte(start + 4)
        guard first == 4, separator == ASCII.space || separator == ASCII.dash else { return nil }
        let lengths = Self.issuerLengths(prefix: number(at: start, length: 4))
        let accepted = lengths ?? Self.anyCardLength
        var index = start + 4
        var digits = 4
        var longest: Int?
        while byte(index) == separator {
            let run = digitRun(from: index + 1, limit: 7)
            guard (1...6).contains(run), digits + run <= 19 else { break }
            index += 1 + run
            digits += run
            if accepted.contains(digits), numericEndAllowed(index), luhnPasses(start, index) { longest = index }
            if run < 3 { break }  // a short group ends the number
        }
        guard let end = longest else { return nil }
        return Match(type: .creditDebitNumber, begin: start, end: end, score: lengths != nil ? 0.9 : 0.5)
    }

    private func luhnPasses(_ start: Int, _ end: Int) -> Bool {
        Luhn.isValid(ascii: UnsafeBufferPointer(rebasing: bytes[start..<end]))
    }

    /// Card lengths as a bit set (bit n: n digits), so checking one costs no allocation.
    struct CardLengths {
        let bits: UInt32
        init(_ range: ClosedRange<Int>) { bits = (UInt32(2) << UInt32(range.upperBound)) - (UInt32(1) << UInt32(range.lowerBound)) }
        private init(bits: UInt32) { self.bits = bits }
        func contains(_ length: Int) -> Bool { length < 32 && bits & 1 << UInt32(length) != 0 }
        static func | (a: CardLengths, b: CardLengths) -> CardLengths { CardLengths(bits: a.bits | b.bits) }
    }

    static let anyCardLength = CardLengths(13...19)

    /// The lengths the major card network owning the first four digits issues, or nil when no
    /// major network owns them.
    static func issuerLengths(prefix four: Int) -> CardLengths? {
        let two = four / 100, three = four / 10
        let fifteen = CardLengths(15...15), sixteen = CardLengths(16...16), upTo19 = CardLengths(16...19)
        if four / 1000 == 4 { return CardLengths(13...13) | sixteen | CardLengths(19...19) }  // Visa
        switch two {
        case 34, 37: return fifteen  // Amex
        case 51...55: return sixteen  // Mastercard
        case 36, 38, 39: return CardLengths(14...19)  // Diners
        case 62, 65: return upTo19  // UnionPay, Discover
        case 50, 56...58, 63, 67: return CardLengths(12...19)  // Maestro
        default: break
        }
        switch three {
        case 300...305: return CardLengths(14...19)  // Diners
        case 644...649: return upTo19  // Discover
        default: break
        }
        switch four {
        case 2221...2720: return sixteen  // Mastercard
        case 6011, 3528...3589, 2200...2204: return upTo19  // Discover, JCB, Mir
        default: return nil
        }
    }
}
