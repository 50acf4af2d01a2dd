/// US social security numbers `AAA-GG-SSSS` (or with single spaces). Never issued, so rejected:
/// area 000, 666 and 900-999, group 00, serial 0000. Nine bare digits are flagged only with a
/// context word (`SSN`, `social security`) shortly before or after them: without one they are
/// far more often order, tracking or account numbers.
extension Scanner {
    func ssn(at start: Int) -> Match? {
        let separator = byte(start + 3)
        if separator == ASCII.dash || separator == ASCII.space {
            guard digitRun(from: start) == 3, digitRun(from: start + 4) == 2, byte(start + 6) == separator,
                  digitRun(from: start + 7) == 4, numericEndAllowed(start + 11),
                  Self.isIssuable(area: number(at: start, length: 3), group: number(at: start + 4, length: 2),
                                  serial: number(at: start + 7, length: 4))
            else { return nil }
            return Match(type: .usSSN, begin: start, end: start + 11, score: separator == ASCII.dash ? 0.85 : 0.5)
        }
        guard digitRun(from: start, limit: 10) == 9, numericEndAllowed(start + 9),
              Self.isIssuable(area: number(at: start, length: 3), group: number(at: start + 3, length: 2),
                              serial: number(at: start + 5, length: 4)),
              hasSSNContext(before: start, after: start + 9)
        else { return nil }
        return Match(type: .usSSN, begin: start, end: start + 9, score: 0.75)
    }

    static func isIssuable(area: Int, group: Int, serial: Int) -> Bool {
        area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
    }

    /// How far a context word may be from a bare number, in bytes: the span of a short phrase
    /// such as "my social security number is ".
    static let ssnContextBefore = 40, ssnContextAfter = 24

    /// Whether `SSN` (or `SSNs`) or `social security`, in any case and starting a word, appears
    /// within the context windows around the number at `begin..<end`.
    func hasSSNContext(before begin: Int, after end: Int) -> Bool {
        hasSSNWord(in: max(0, begin - Self.ssnContextBefore)..<begin)
            || hasSSNWord(in: end..<min(count, end + Self.ssnContextAfter))
    }

    private func hasSSNWord(in window: Range<Int>) -> Bool {
        for index in window where bytes[index] | 0x20 == 0x73 && !isWordBefore(index) {  // s, S
            if hasPrefix("ssn", at: index, ignoringCase: true) {
                let next = byte(index + 3)
                if !ASCII.isAlnum(next) || (next | 0x20 == 0x73 && !ASCII.isAlnum(byte(index + 4))) { return true }
            }
            if hasPrefix("social security", at: index, ignoringCase: true) { return true }
        }
        return false
    }
}
