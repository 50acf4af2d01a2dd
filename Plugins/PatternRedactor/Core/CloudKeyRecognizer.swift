/// Cloud credentials with a fixed shape: a known prefix, a body of a known alphabet and length,
/// and a word boundary on both sides. AWS secret keys have no prefix, so they are taken only as
/// the 40-character value assigned to a keyword such as `aws_secret_access_key`.
extension Scanner {
    /// `AKIA` (long-term) or `ASIA` (temporary) + 16 upper-case letters or digits.
    func awsAccessKey(at start: Int) -> Match? {
        guard hasPrefix("AKIA", at: start) || hasPrefix("ASIA", at: start),
              run(from: start + 4, limit: 16, { ASCII.isUpper($0) || ASCII.isDigit($0) }) == start + 20,
              !isWordAt(start + 20)
        else { return nil }
        return Match(type: .awsAccessKey, begin: start, end: start + 20, score: 0.95)
    }

    /// `AIza` + 35 letters, digits, `_` or `-`.
    func googleAPIKey(at start: Int) -> Match? {
        guard hasPrefix("AIza", at: start),
              run(from: start + 4, limit: 36, Self.isTokenByte) == start + 39
        else { return nil }
        return Match(type: .googleAPIKey, begin: start, end: start + 39, score: 0.9)
    }

    /// Classic tokens `ghp_` / `gho_` / `ghu_` / `ghs_` / `ghr_` + 36 letters or digits, and
    /// fine-grained `github_pat_` + at least 50 letters, digits or `_`.
    func githubToken(at start: Int) -> Match? {
        if hasPrefix("gh", at: start), [0x70, 0x6F, 0x75, 0x73, 0x72].contains(byte(start + 2)),  // p o u s r
           byte(start + 3) == ASCII.underscore {
            guard run(from: start + 4, limit: 37, ASCII.isAlnum) == start + 40, !isWordAt(start + 40) else { return nil }
            return Match(type: .githubToken, begin: start, end: start + 40, score: 0.95)
        }
        guard hasPrefix("github_pat_", at: start) else { return nil }
        let end = run(from: start + 11, limit: 256, ASCII.isWord)
        guard end - start - 11 >= 50, !isWordAt(end) else { return nil }
        return Match(type: .githubToken, begin: start, end: end, score: 0.95)
    }

    /// `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-` + at least 10 letters, digits or dashes.
    func slackToken(at start: Int) -> Match? {
        guard hasPrefix("xox", at: start), [0x62, 0x70, 0x61, 0x72, 0x73, 0x65].contains(byte(start + 3)),  // b p a r s e
              byte(start + 4) == ASCII.dash
        else { return nil }
        let end = run(from: start + 5, limit: 256, Self.isTokenByte)
        guard end - start - 5 >= 10, !isWordAt(end) else { return nil }
        return Match(type: .slackToken, begin: start, end: end, score: 0.9)
    }

    /// `sk_live_`, `rk_live_`, `sk_test_`, `rk_test_` + at least 20 letters or digits.
    func stripeKey(at start: Int) -> Match? {
        guard hasPrefix("sk_", at: start) || hasPrefix("rk_", at: start),
              hasPrefix("live_", at: start + 3) || hasPrefix("test_", at: start + 3)
        else { return nil }
        let end = run(from: start + 8, limit: 256, ASCII.isAlnum)
        guard end - start - 8 >= 20, !isWordAt(end) else { return nil }
        return Match(type: .stripeKey, begin: start, end: end, score: hasPrefix("live_", at: start + 3) ? 0.95 : 0.9)
    }

    /// The 40-character value after a keyword such as `aws_secret_access_key` (also in
    /// `AWS_SECRET_ACCESS_KEY=`, `"SecretAccessKey": "..."`, `aws-secret-key: ...`). The keyword
    /// starts at `start`; the match is the value only.
    func awsSecretKey(afterKeywordAt start: Int) -> Match? {
        let second = ASCII.lowercased(byte(start + 1))
        guard second == 0x77 || second == 0x65 else { return nil }  // "aw...", "se..."
        let keywordEnd = run(from: start, limit: 32) { ASCII.isWord($0) || $0 == ASCII.dash }
        guard isAWSSecretKeyword(start..<keywordEnd) else { return nil }
        // Quotes and spaces around one `:` or `=` (also `=>`, `:=`).
        var index = keywordEnd
        var sawAssignment = false
        while index - keywordEnd < 8 {
            let next = byte(index)
            if next == ASCII.colon || next == ASCII.equals || next == 0x3E {
                sawAssignment = true
            } else if next != ASCII.space && next != ASCII.tab && next != ASCII.quote && next != ASCII.apostrophe {
                break
            }
            index += 1
        }
        guard sawAssignment else { return nil }
        let end = run(from: index, limit: 41, Self.isBase64Byte)
        guard end - index == 40 else { return nil }
        return Match(type: .awsSecretKey, begin: index, end: end, score: 0.9)
    }

    /// Whether the identifier, lower-cased and without `_` and `-`, is an AWS secret key name.
    private func isAWSSecretKeyword(_ range: Range<Int>) -> Bool {
        for keyword: StaticString in ["awssecretaccesskey", "awssecretkey", "secretaccesskey"] {
            let matches = keyword.withUTF8Buffer { expected -> Bool in
                var position = 0
                for index in range {
                    let byte = bytes[index]
                    if byte == ASCII.underscore || byte == ASCII.dash { continue }
                    guard position < expected.count, ASCII.lowercased(byte) == expected[position] else { return false }
                    position += 1
                }
                return position == expected.count
            }
            if matches { return true }
        }
        return false
    }

    @inline(__always) static func isTokenByte(_ byte: UInt8) -> Bool {
        ASCII.isWord(byte) || byte == ASCII.dash
    }

    @inline(__always) static func isBase64Byte(_ byte: UInt8) -> Bool {
        ASCII.isAlnum(byte) || byte == ASCII.plus || byte == ASCII.slash || byte == ASCII.equals
    }
}
