/// Phone numbers. US (NANP) forms: `(415) 555-0123`, `(415)555-0123`, `415-555-0123`,
/// `415.555.0123`, `415 555 0123`, each optionally after `1-`/`1 `; the area code and exchange
/// start with 2-9. International: `+` then a country code and 8-15 digits in all (E.164), with
/// single spaces, dashes, dots or a parenthesized group (`+44 (0)20 ...`) between digit groups;
/// `+1` numbers must be valid NANP numbers. A bare run of digits is never a phone number.
extension Scanner {
    /// A US number starting at a digit or `(`.
    func usPhone(at start: Int) -> Match? {
        if byte(start) == 0x31, Self.isPhoneSeparator(byte(start + 1)),  // "1-", "1 ", "1."
           ASCII.isDigit(byte(start + 2)) || byte(start + 2) == ASCII.openParen,
           let (end, score) = nanpNumber(at: start + 2) {
            return Match(type: .phone, begin: start, end: end, score: min(score + 0.05, 1))
        }
        guard let (end, score) = nanpNumber(at: start) else { return nil }
        return Match(type: .phone, begin: start, end: end, score: score)
    }

    /// A ten-digit NANP number written with separators, and its score by shape.
    private func nanpNumber(at start: Int) -> (end: Int, score: Double)? {
        var index = start
        let areaStart: Int
        let separator: UInt8?  // nil: the exchange/line separator may differ (parenthesized form)
        let score: Double
        if byte(index) == ASCII.openParen {
            areaStart = index + 1
            guard digitRun(from: areaStart) == 3, byte(areaStart + 3) == ASCII.closeParen else { return nil }
            index = areaStart + 4
            if byte(index) == ASCII.space { index += 1 }
            separator = nil
            score = 0.75
        } else {
            areaStart = index
            guard digitRun(from: areaStart) == 3, Self.isPhoneSeparator(byte(areaStart + 3)) else { return nil }
            separator = byte(areaStart + 3)
            index = areaStart + 4
            score = separator == ASCII.dash ? 0.7 : separator == ASCII.dot ? 0.6 : 0.5
        }
        let exchangeStart = index
        guard digitRun(from: exchangeStart) == 3 else { return nil }
        let middle = byte(exchangeStart + 3)
        guard separator.map({ middle == $0 }) ?? Self.isPhoneSeparator(middle) else { return nil }
        let lineStart = exchangeStart + 4
        guard digitRun(from: lineStart) == 4 else { return nil }
        let end = lineStart + 4
        guard bytes[areaStart] >= 0x32, bytes[exchangeStart] >= 0x32, numericEndAllowed(end) else { return nil }
        return (end, score)
    }

    /// An international number starting at `+`.
    func internationalPhone(at plus: Int) -> Match? {
        guard !isWordBefore(plus), ASCII.isDigit(byte(plus + 1)), byte(plus + 1) != 0x30 else { return nil }
        var index = plus + 1
        var digits = 0
        var value: UInt64 = 0  // the digits so far, for the NANP check of +1 numbers
        var end = plus
        while true {
            // A parenthesized group: "(0)" is a trunk prefix and does not count; "(415)" does.
            if byte(index) == ASCII.openParen {
                let run = digitRun(from: index + 1, limit: 5)
                guard run > 0, byte(index + 1 + run) == ASCII.closeParen, digits > 0 else { break }
                let isTrunk = run == 1 && byte(index + 1) == 0x30
                if !isTrunk {
                    guard digits + run <= 15 else { break }
                    digits += run
                    value = value &* UInt64(pow10(run)) &+ UInt64(number(at: index + 1, length: run))
                }
                index += run + 2
                end = index
                if Self.isPhoneSeparator(byte(index)), ASCII.isDigit(byte(index + 1)) { index += 1 }
                guard ASCII.isDigit(byte(index)) else { break }
            }
            let run = digitRun(from: index, limit: 16)
            guard run > 0, digits + run <= 15 else { break }
            digits += run
            value = value &* UInt64(pow10(run)) &+ UInt64(number(at: index, length: run))
            index += run
            end = index
            let next = byte(index)
            if Self.isPhoneSeparator(next), ASCII.isDigit(byte(index + 1)) || byte(index + 1) == ASCII.openParen {
                index += 1
            } else if next != ASCII.openParen {
                break
            }
        }
        guard digits >= 8, numericEndAllowed(end) else { return nil }
        if byte(plus + 1) == 0x31 {  // +1: exactly 1 + ten NANP digits
            guard digits == 11 else { return nil }
            let area = (value / 1_000_000_000) % 10, exchange = (value / 1_000_000) % 10
            guard area >= 2, exchange >= 2 else { return nil }
            return Match(type: .phone, begin: plus, end: end, score: 0.85)
        }
        return Match(type: .phone, begin: plus, end: end, score: 0.8)
    }

    @inline(__always) static func isPhoneSeparator(_ byte: UInt8) -> Bool {
        byte == ASCII.dash || byte == ASCII.dot || byte == ASCII.space
    }

    private func pow10(_ exponent: Int) -> Int {
        var result = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
