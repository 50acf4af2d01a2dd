/// E-mail addresses, found from their `@`: a local part of letters, digits and `._%+-` (not
/// starting or ending with a dot, no `..`, at most 64 bytes) and a domain of at least two
/// labels (letters, digits, inner dashes) whose last label is a real TLD shape: 2-63 letters,
/// or an `xn--` punycode label. Nothing word-like may follow. A file name with a pixel-density
/// suffix (`logo@2x.png`, `hero@3x.webp`, `bg@1.5x.jpg`) or an image or document extension
/// that is no top-level domain (`png`, `jpg`, `webp`, `svg`, `pdf`, ...) is not an address.
extension Scanner {
    func email(at sign: Int) -> Match? {
        // The local part, backwards from the `@`.
        var begin = sign
        while begin > 0, sign - begin <= 64, Self.isLocalPartByte(bytes[begin - 1]) { begin -= 1 }
        while begin < sign, bytes[begin] == ASCII.dot { begin += 1 }
        guard begin < sign, sign - begin <= 64, bytes[sign - 1] != ASCII.dot, byte(begin - 1) != ASCII.at else { return nil }
        for index in begin..<(sign - 1) where bytes[index] == ASCII.dot && bytes[index + 1] == ASCII.dot { return nil }
        guard let end = domainEnd(from: sign + 1), !isWordAt(end),
              byte(end) != ASCII.at, byte(end) != ASCII.dash, !isFileName(domain: sign + 1, end: end)
        else { return nil }
        return Match(type: .email, begin: begin, end: end, score: 0.95)
    }

    /// Whether the "domain" at `start..<end` is the tail of a file name: a density suffix such
    /// as `2x.` or `1.5x.` followed by one last label, or a last label that is a file extension.
    func isFileName(domain start: Int, end: Int) -> Bool {
        var last = end
        while last > start, bytes[last - 1] != ASCII.dot { last -= 1 }
        if (3...4).contains(end - last) {
            var packed: UInt32 = 0
            for index in last..<end { packed = packed << 8 | UInt32(ASCII.lowercased(bytes[index])) }
            if Self.fileExtensions.contains(packed) { return true }
        }
        guard ASCII.isDigit(byte(start)) else { return false }
        var index = start + digitRun(from: start, limit: 4)
        if byte(index) == ASCII.dot, ASCII.isDigit(byte(index + 1)) { index += 1 + digitRun(from: index + 1, limit: 4) }
        return byte(index) | 0x20 == 0x78 && index + 2 == last  // "2x." or "1.5x." then the last label
    }

    /// Extensions of images and documents that are not top-level domains (`.zip` and `.mov`
    /// are, so they stay addresses), each packed into an integer as `isFileName` reads a label.
    static let fileExtensions: [UInt32] = [
        "png", "jpg", "jpeg", "gif", "webp", "svg", "bmp", "tif", "tiff", "ico", "heic", "heif", "avif", "pdf", "psd",
    ].map { $0.utf8.reduce(0) { $0 << 8 | UInt32($1) } }

    /// The end of a domain name of at most 253 bytes (which also bounds the work per candidate)
    /// with at least `minimumLabels` labels and a TLD-shaped last label.
    func domainEnd(from start: Int, minimumLabels: Int = 2) -> Int? {
        var index = start
        var labels = 0
        var lastLabel = start..<start
        while true {
            let labelEnd = run(from: index, limit: 64) { ASCII.isAlnum($0) || $0 == ASCII.dash }
            let width = labelEnd - index
            guard (1...63).contains(width), bytes[index] != ASCII.dash, bytes[labelEnd - 1] != ASCII.dash else {
                return nil
            }
            labels += 1
            lastLabel = index..<labelEnd
            index = labelEnd
            guard index - start <= 253 else { return nil }  // DNS names are at most 253 bytes
            guard byte(index) == ASCII.dot, ASCII.isAlnum(byte(index + 1)) else { break }
            index += 1
        }
        guard labels >= minimumLabels, isTopLevelDomain(lastLabel) else { return nil }
        return index
    }

    private func isTopLevelDomain(_ label: Range<Int>) -> Bool {
        if label.count > 4, hasPrefix("xn--", at: label.lowerBound, ignoringCase: true) { return true }
        return label.count >= 2 && label.allSatisfy { ASCII.isLetter(bytes[$0]) }
    }

    @inline(__always) static func isLocalPartByte(_ byte: UInt8) -> Bool {
        ASCII.isAlnum(byte) || byte == ASCII.dot || byte == ASCII.underscore || byte == 0x25 || byte == ASCII.plus
            || byte == ASCII.dash
    }
}
