/// IP addresses. IPv4: four decimal octets 0-255 without leading zeros, not part of a longer
/// dotted run (`1.2.3.4.5`, `v1.2.3.4`) and not right after a word like "version" or "build".
/// IPv6: eight groups of 1-4 hex digits, or fewer with one `::`, optionally ending in an IPv4
/// address (`::ffff:1.2.3.4`); at least one decimal digit, so `Add::Dec` in code is not one.
extension Scanner {
    func ipv4(at start: Int) -> Match? {
        guard let end = ipv4Body(at: start), !isWordAt(end),
              !(byte(end) == ASCII.dot && ASCII.isAlnum(byte(end + 1))),
              !(byte(start - 1) == ASCII.dot && ASCII.isAlnum(byte(start - 2))),
              !followsVersionWord(start)
        else { return nil }
        return Match(type: .ipAddress, begin: start, end: end, score: 0.85)
    }

    /// The end of a dotted quad at `start`, checking only its own bytes.
    private func ipv4Body(at start: Int) -> Int? {
        var index = start
        for octet in 0..<4 {
            if octet > 0 {
                guard byte(index) == ASCII.dot else { return nil }
                index += 1
            }
            let run = digitRun(from: index, limit: 4)
            guard (1...3).contains(run), run == 1 || bytes[index] != 0x30, number(at: index, length: run) <= 255 else {
                return nil
            }
            index += run
        }
        return index
    }

    /// Whether the word before `start` (across spaces, `:` or `=`) names a version.
    private func followsVersionWord(_ start: Int) -> Bool {
        var end = start
        while end > 0, start - end < 3, Self.isSpaceOrAssignment(bytes[end - 1]) { end -= 1 }
        guard end < start else { return false }
        var wordStart = end
        while wordStart > 0, end - wordStart < 10, ASCII.isLetter(bytes[wordStart - 1]) { wordStart -= 1 }
        guard wordStart < end, !isWordBefore(wordStart) else { return false }
        for word: StaticString in ["version", "ver", "v", "release", "build", "firmware", "fw", "rev", "revision", "patch"] {
            if word.utf8CodeUnitCount == end - wordStart, hasPrefix(word, at: wordStart, ignoringCase: true) { return true }
        }
        return false
    }

    @inline(__always) static func isSpaceOrAssignment(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.colon || byte == ASCII.equals
    }

    /// An IPv6 address starting at a hex digit or at `::`.
    func ipv6(at start: Int) -> Match? {
        guard !isWordBefore(start), byte(start - 1) != ASCII.colon else { return nil }
        var index = start
        var groups = 0
        var compressed = false
        var sawDigit = false
        if byte(index) == ASCII.colon {
            guard byte(index + 1) == ASCII.colon else { return nil }
            compressed = true
            index += 2
        }
        while true {
            let hexEnd = run(from: index, limit: 5, ASCII.isHex)
            let width = hexEnd - index
            if width == 0 { break }
            // An embedded IPv4 tail takes the place of the last two groups.
            if byte(hexEnd) == ASCII.dot, groups > 0 || compressed, let end = ipv4Body(at: index) {
                groups += 2
                index = end
                sawDigit = true
                break
            }
            guard width <= 4 else { return nil }
            for offset in index..<hexEnd where ASCII.isDigit(bytes[offset]) { sawDigit = true }
            groups += 1
            index = hexEnd
            if byte(index) == ASCII.colon, byte(index + 1) == ASCII.colon {
                guard !compressed else { return nil }
                compressed = true
                index += 2
            } else if byte(index) == ASCII.colon, ASCII.isHex(byte(index + 1)) {
                index += 1
            } else {
                break
            }
        }
        guard sawDigit, compressed ? groups <= 7 : groups == 8, !isWordAt(index),
              !(byte(index) == ASCII.colon && ASCII.isHex(byte(index + 1))),
              !(byte(index) == ASCII.dot && ASCII.isAlnum(byte(index + 1)))
        else { return nil }
        return Match(type: .ipAddress, begin: start, end: index, score: compressed ? 0.85 : 0.9)
    }
}
