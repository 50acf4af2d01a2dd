/// URLs: `http://`, `https://` or `ftp://` (any case) followed by a host (a name, an IPv4
/// address or `[IPv6]`, after optional `user@`, before an optional `:port`), or a bare host
/// starting `www.` with at least three labels and a TLD. The path runs to the first space,
/// non-ASCII byte or character that URLs cannot hold (`"<>\^`{|}`); trailing sentence punctuation
/// and unbalanced closing brackets are left out.
extension Scanner {
    func url(at start: Int) -> Match? {
        var index: Int
        let score: Double
        if let afterScheme = schemeEnd(at: start) {
            guard let hostEnd = authorityEnd(from: afterScheme) else { return nil }
            index = hostEnd
            score = 0.9
        } else if hasPrefix("www.", at: start, ignoringCase: true), let hostEnd = domainEnd(from: start, minimumLabels: 3) {
            index = hostEnd
            if byte(index) == ASCII.colon, digitRun(from: index + 1) > 0 { index += 1 + digitRun(from: index + 1) }
            score = 0.8
        } else {
            return nil
        }
        let hostEnd = index
        index = run(from: index, limit: .max, Self.isURLByte)
        return Match(type: .url, begin: start, end: trimmedEnd(start: start, end: index, minimum: hostEnd), score: score)
    }

    private func schemeEnd(at start: Int) -> Int? {
        for scheme: StaticString in ["http://", "https://", "ftp://"] where hasPrefix(scheme, at: start, ignoringCase: true) {
            return start + scheme.utf8CodeUnitCount
        }
        return nil
    }

    /// The end of `[user[:password]@]host[:port]`, or nil without a usable host.
    private func authorityEnd(from start: Int) -> Int? {
        let authority = run(from: start, limit: 512) { Self.isURLByte($0) && $0 != ASCII.slash && $0 != 0x3F && $0 != 0x23 }
        var hostStart = start
        for index in start..<authority where bytes[index] == ASCII.at { hostStart = index + 1 }
        var index: Int
        if byte(hostStart) == ASCII.openBracket {
            let close = run(from: hostStart + 1, limit: 64) { ASCII.isHex($0) || $0 == ASCII.colon || $0 == ASCII.dot }
            guard close > hostStart + 2, byte(close) == ASCII.closeBracket else { return nil }
            index = close + 1
        } else {
            index = run(from: hostStart, limit: 253) { ASCII.isAlnum($0) || $0 == ASCII.dash || $0 == ASCII.dot }
            while index > hostStart, bytes[index - 1] == ASCII.dot { index -= 1 }
            guard (hostStart..<index).contains(where: { ASCII.isAlnum(bytes[$0]) }) else { return nil }
        }
        if byte(index) == ASCII.colon, digitRun(from: index + 1) > 0 { index += 1 + digitRun(from: index + 1) }
        return index
    }

    /// `end` without trailing punctuation that belongs to the sentence, never below `minimum`.
    /// A closing bracket stays only while the URL holds as many opening ones (Wikipedia-style
    /// `.../Foo_(bar)`); counts are kept as it trims, so this stays linear.
    private func trimmedEnd(start: Int, end: Int, minimum: Int) -> Int {
        var parens = 0, brackets = 0  // closing minus opening
        for index in start..<end {
            switch bytes[index] {
            case ASCII.openParen: parens -= 1
            case ASCII.closeParen: parens += 1
            case ASCII.openBracket: brackets -= 1
            case ASCII.closeBracket: brackets += 1
            default: break
            }
        }
        var end = end
        while end > minimum {
            switch bytes[end - 1] {
            case ASCII.dot, ASCII.comma, 0x3B, ASCII.colon, 0x21, 0x3F, ASCII.apostrophe, 0x2A:  // . , ; : ! ? ' *
                end -= 1
            case ASCII.closeParen where parens > 0:
                parens -= 1
                end -= 1
            case ASCII.closeBracket where brackets > 0:
                brackets -= 1
                end -= 1
            default:
                return end
            }
        }
        return end
    }

    /// Printable ASCII that may appear in a URL.
    @inline(__always) static func isURLByte(_ byte: UInt8) -> Bool {
        guard byte > 0x20, byte < 0x7F else { return false }
        switch byte {
        case ASCII.quote, 0x3C, 0x3E, 0x5C, 0x5E, 0x60, 0x7B, 0x7C, 0x7D: return false  // " < > \ ^ ` { | }
        default: return true
        }
    }
}
