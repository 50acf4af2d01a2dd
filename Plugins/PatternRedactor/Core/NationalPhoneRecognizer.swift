/// UK and French phone numbers in their national forms, which start with the trunk `0` (the
/// international forms, `+44 20 7946 0684` and `+33 1 06 57 83 88`, are `internationalPhone`'s).
///
/// - France: `0` and a digit 1-9, then four pairs: `01 06 57 83 88`, `06.12.34.56.78`,
///   `06-12-34-56-78` (one separator throughout).
/// - UK: 11 digits in the usual groupings, split by single spaces or dashes: `020 7946 0684`
///   (02x), `0161 496 0000` and `0808 157 0192` (01, 02, 03, 05, 08, 09), `01632 960000` and
///   `07700 900123` (01, 07), `07700 900 123` (07); the first group may be parenthesized,
///   `(020) 7946 0684`.
///
/// The grouping must be exact and the number must stand alone: a longer list of digit groups
/// (`01 06 57 83 88 99`), a date (`01 06 2024`) or a group that runs on (`88th`) is not a phone.
extension Scanner {
    func nationalPhone(at start: Int) -> Match? {
        let parenthesized = byte(start) == ASCII.openParen
        let first = parenthesized ? start + 1 : start
        let second = byte(first + 1)
        guard byte(first) == 0x30, ASCII.isDigit(second), second != 0x30,
              !(byte(start - 1) == ASCII.space && ASCII.isDigit(byte(start - 2)))  // inside a list of numbers
        else { return nil }
        // The group lengths, 4 bits each, the first group in the lowest bits.
        var groups: UInt32 = 0
        var count = 0, digits = 0
        var separator: UInt8 = 0
        var index = first
        while true {
            let run = digitRun(from: index, limit: 7)
            guard (1...6).contains(run), count < 6 else { return nil }
            groups |= UInt32(run) << UInt32(4 * count)
            count += 1
            digits += run
            index += run
            if parenthesized && count == 1 {
                guard byte(index) == ASCII.closeParen, byte(index + 1) == ASCII.space, ASCII.isDigit(byte(index + 2)) else {
                    return nil
                }
                index += 2
                continue
            }
            let next = byte(index)
            guard Self.isPhoneSeparator(next), ASCII.isDigit(byte(index + 1)) else { break }
            if separator == 0 { separator = next }
            guard next == separator else { return nil }  // mixed separators
            index += 1
        }
        guard numericEndAllowed(index) else { return nil }
        let score: Double
        if !parenthesized && groups == Self.frenchGroups {
            score = 0.6
        } else if digits == 11, separator != ASCII.dot, Self.isUKGrouping(groups, second: second) {
            score = parenthesized ? 0.7 : 0.6
        } else {
            return nil
        }
        return Match(type: .phone, begin: start, end: index, score: score)
    }

    /// Five groups of two digits.
    static let frenchGroups: UInt32 = 0x22222

    /// Whether the group lengths are a UK grouping for numbers starting `0` + `second`.
    static func isUKGrouping(_ groups: UInt32, second: UInt8) -> Bool {
        switch groups {
        case 0x443: second == 0x32  // 020 7946 0684
        case 0x434: second != 0x34 && second != 0x36 && second != 0x37  // 0161 496 0000, 0808 157 0192
        case 0x65: second == 0x31 || second == 0x37  // 01632 960000, 07700 900123
        case 0x335: second == 0x37  // 07700 900 123
        default: false
        }
    }
}
