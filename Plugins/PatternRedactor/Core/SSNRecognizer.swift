/// US social security numbers `AAA-GG-SSSS` (or with single spaces). Never issued, so rejected:
/// area 000, 666 and 900-999, group 00, serial 0000. Nine bare digits are not flagged.
extension Scanner {
    func ssn(at start: Int) -> Match? {
        let separator = byte(start + 3)
        guard digitRun(from: start) == 3, separator == ASCII.dash || separator == ASCII.space,
              digitRun(from: start + 4) == 2, byte(start + 6) == separator,
              digitRun(from: start + 7) == 4, numericEndAllowed(start + 11)
        else { return nil }
        let area = number(at: start, length: 3)
        guard area != 0, area != 666, area < 900,
              number(at: start + 4, length: 2) != 0, number(at: start + 7, length: 4) != 0
        else { return nil }
        return Match(type: .usSSN, begin: start, end: start + 11, score: separator == ASCII.dash ? 0.85 : 0.5)
    }
}
