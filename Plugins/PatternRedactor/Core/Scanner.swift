/// One pass over a UTF-8 text: walks it word by word, and at the few bytes that can start a
/// match (a digit or certain letters at the start of a word, `@`, `+`, `(`, `::`) asks the
/// recognizers for that byte. Recognizers validate a candidate and return a `Match` or nil;
/// the scan then jumps past a match. Offsets here are byte offsets.
struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let types: PIITypeMask

    var count: Int { bytes.count }

    /// The byte at `index`, or 0 (which no rule accepts) outside the text.
    @inline(__always) func byte(_ index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// Every candidate match, in roughly ascending order, possibly overlapping.
    func scan() -> [Match] {
        var found: [Match] = []
        var index = 0
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                if ASCII.isWord(lead) {
                    if let match = matchAtWordStart(index, lead) {
                        found.append(match)
                        index = max(match.end, index + 1)
                    } else {
                        index = endOfWord(from: index + 1)
                    }
                } else if let match = matchAtPunctuation(index, lead) {
                    found.append(match)
                    index = max(match.end, index + 1)
                } else {
                    index += 1
                }
            } else {
                let (value, length) = UTF8Scalars.decodeMultibyte(bytes, at: index, lead: lead)
                index = UTF8Scalars.isWordScalar(value) ? endOfWord(from: index + length) : index + length
            }
        }
        return found
    }

    /// The offset of the first non-word scalar at or after `start`.
    private func endOfWord(from start: Int) -> Int {
        var index = start
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                guard ASCII.isWord(lead) else { return index }
                index += 1
            } else {
                let (value, length) = UTF8Scalars.decodeMultibyte(bytes, at: index, lead: lead)
                guard UTF8Scalars.isWordScalar(value) else { return index }
                index += length
            }
        }
        return count
    }

    /// Candidates that start a word: numbers, IBANs, URLs, cloud keys, IPv6 addresses.
    private func matchAtWordStart(_ start: Int, _ lead: UInt8) -> Match? {
        if ASCII.isDigit(lead) { return numericMatch(at: start) }
        var best: Match?
        switch lead {
        case 0x68, 0x48, 0x66, 0x46, 0x77, 0x57:  // h H f F w W
            if types.contains(.url) { best = url(at: start) }
        case 0x41:  // A
            if types.contains(.awsAccessKey) { best = awsAccessKey(at: start) }
            if types.contains(.googleAPIKey) { best = Match.best(best, googleAPIKey(at: start)) }
        case 0x67:  // g
            if types.contains(.githubToken) { best = githubToken(at: start) }
        case 0x78:  // x
            if types.contains(.slackToken) { best = slackToken(at: start) }
        case 0x72, 0x73:  // r s
            if types.contains(.stripeKey) { best = stripeKey(at: start) }
        default: break
        }
        if ASCII.isUpper(lead), types.contains(.iban) { best = Match.best(best, iban(at: start)) }
        if ASCII.isHex(lead), types.contains(.ipAddress) { best = Match.best(best, ipv6(at: start)) }
        if lead | 0x20 == 0x61 || lead | 0x20 == 0x73, types.contains(.awsSecretKey) {  // a s
            best = Match.best(best, awsSecretKey(afterKeywordAt: start))
        }
        return best
    }

    /// Candidates that start with a digit: phone (US, UK, French), SSN, card, IPv4, IPv6.
    private func numericMatch(at start: Int) -> Match? {
        guard numericStartAllowed(start) else { return nil }
        var best: Match?
        if types.contains(.phone) {
            best = usPhone(at: start)
            if bytes[start] == 0x30 { best = Match.best(best, nationalPhone(at: start)) }
        }
        if types.contains(.usSSN) { best = Match.best(best, ssn(at: start)) }
        if types.contains(.creditDebitNumber) { best = Match.best(best, card(at: start)) }
        if types.contains(.ipAddress) {
            best = Match.best(best, ipv4(at: start))
            best = Match.best(best, ipv6(at: start))
        }
        return best
    }

    /// Candidates that start at a punctuation byte.
    private func matchAtPunctuation(_ index: Int, _ byte: UInt8) -> Match? {
        switch byte {
        case ASCII.at: types.contains(.email) ? email(at: index) : nil
        case ASCII.plus: types.contains(.phone) ? internationalPhone(at: index) : nil
        case ASCII.openParen:
            types.contains(.phone) && numericStartAllowed(index)
                ? (self.byte(index + 1) == 0x30 ? nationalPhone(at: index) : usPhone(at: index)) : nil
        case ASCII.colon:
            types.contains(.ipAddress) && self.byte(index + 1) == ASCII.colon && self.byte(index - 1) != ASCII.colon
                ? ipv6(at: index) : nil
        default: nil
        }
    }
}

// MARK: - Boundaries

extension Scanner {
    /// Whether the scalar before `index` is part of a word (letter, digit, mark or `_`).
    func isWordBefore(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        let previous = bytes[index - 1]
        if previous < 0x80 { return ASCII.isWord(previous) }
        return UTF8Scalars.isWordScalar(UTF8Scalars.decode(bytes, endingAt: index))
    }

    /// Whether the scalar at `index` is part of a word.
    func isWordAt(_ index: Int) -> Bool {
        guard index < count else { return false }
        let next = bytes[index]
        if next < 0x80 { return ASCII.isWord(next) }
        return UTF8Scalars.isWordScalar(UTF8Scalars.decode(bytes, at: index).value)
    }

    /// Separators that join digit runs into one longer token (dates, versions, times). A comma
    /// is not one: it separates fields in CSV and lists far more often than it joins digits,
    /// and no pattern matches the digits of a price (`1,299.99`) anyway.
    @inline(__always) static func isNumericJoiner(_ byte: UInt8) -> Bool {
        byte == ASCII.dot || byte == ASCII.dash || byte == ASCII.slash || byte == ASCII.colon
    }

    /// A number may start here: not inside a word, not after `#` (an order or ticket number),
    /// and not continuing a run such as `15.03.` or `2024-` or `12:`.
    func numericStartAllowed(_ start: Int) -> Bool {
        guard start > 0 else { return true }
        let previous = bytes[start - 1]
        if previous == ASCII.hash { return false }
        if Self.isNumericJoiner(previous), ASCII.isDigit(byte(start - 2)) { return false }
        return !isWordBefore(start)
    }

    /// A number may end here: not inside a word, and not followed by a joiner and more digits.
    func numericEndAllowed(_ end: Int) -> Bool {
        if isWordAt(end) { return false }
        return !(Self.isNumericJoiner(byte(end)) && ASCII.isDigit(byte(end + 1)))
    }

    /// The number of consecutive ASCII digits from `index` (at most `limit`).
    @inline(__always) func digitRun(from index: Int, limit: Int = 32) -> Int {
        var end = index
        while end < count, end - index < limit, ASCII.isDigit(bytes[end]) { end += 1 }
        return end - index
    }

    /// The value of the `length` digits at `index` (the caller knows they are digits).
    func number(at index: Int, length: Int) -> Int {
        var value = 0
        for offset in 0..<length { value = value * 10 + ASCII.digitValue(bytes[index + offset]) }
        return value
    }

    /// Whether `literal` (ASCII) appears at `index`, comparing letters case-insensitively when asked.
    func hasPrefix(_ literal: StaticString, at index: Int, ignoringCase: Bool = false) -> Bool {
        literal.withUTF8Buffer { expected in
            guard index + expected.count <= count else { return false }
            for offset in 0..<expected.count {
                let actual = bytes[index + offset]
                let wanted = expected[offset]
                if actual == wanted { continue }
                if ignoringCase, ASCII.lowercased(actual) == ASCII.lowercased(wanted) { continue }
                return false
            }
            return true
        }
    }

    /// The end of the run of bytes from `index` that satisfy `accept`, scanning at most `limit`.
    @inline(__always) func run(from index: Int, limit: Int, _ accept: (UInt8) -> Bool) -> Int {
        var end = index
        while end < count, end - index < limit, accept(bytes[end]) { end += 1 }
        return end
    }
}
