/// How the scanner treats one Unicode scalar outside ASCII.
enum ScalarClass: UInt8 {
    /// A Latin letter with a diacritic (é, ñ, ß, ł): part of a word.
    case latinLetter
    /// A letter of another script (Cyrillic, Greek, CJK, ...) or an undecodable byte: part of a word.
    case otherLetter
    /// An emoji or pictographic symbol: a token of its own, looked up in the lexicon.
    case symbol
    /// Typographic punctuation (quotes, dashes, ellipsis): ends a clause.
    case punctuation
    /// ’ and ʼ: an apostrophe inside a word ("don’t").
    case apostrophe
    /// Non-breaking and typographic spaces.
    case space
    /// Joiners, variation selectors and skin tones: ignored.
    case ignorable
}

enum UTF8Decoding {
    /// Decodes the scalar at `p[i]` (`i < n`), returning it and its length in bytes. An invalid
    /// or truncated sequence decodes as U+FFFD of length 1, so any byte string is safe.
    @inline(__always)
    static func decode(_ p: UnsafePointer<UInt8>, _ i: Int, _ n: Int) -> (scalar: UInt32, length: Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (b0, 1) }
        @inline(__always) func cont(_ k: Int) -> UInt32? {
            guard i + k < n else { return nil }
            let b = p[i + k]
            return b & 0xc0 == 0x80 ? UInt32(b & 0x3f) : nil
        }
        if b0 >= 0xc2 && b0 <= 0xdf, let c1 = cont(1) {
            return ((b0 & 0x1f) << 6 | c1, 2)
        }
        if b0 >= 0xe0 && b0 <= 0xef, let c1 = cont(1), let c2 = cont(2) {
            let s = (b0 & 0x0f) << 12 | c1 << 6 | c2
            if s >= 0x800 && !(0xd800...0xdfff).contains(s) { return (s, 3) }
        }
        if b0 >= 0xf0 && b0 <= 0xf4, let c1 = cont(1), let c2 = cont(2), let c3 = cont(3) {
            let s = (b0 & 0x07) << 18 | c1 << 12 | c2 << 6 | c3
            if s >= 0x10000 && s <= 0x10ffff { return (s, 4) }
        }
        return (0xfffd, 1)
    }

    /// The class of a non-ASCII scalar.
    @inline(__always)
    static func classify(_ s: UInt32) -> ScalarClass {
        switch s {
        case 0xa0, 0x2000...0x200b, 0x202f, 0x205f, 0x3000: return .space
        case 0x2019, 0x02bc: return .apostrophe
        case 0x200c, 0x200d, 0xfe00...0xfe0f, 0x1f3fb...0x1f3ff, 0x20e3, 0xe0020...0xe007f: return .ignorable
        case 0xc0...0x24f where s != 0xd7 && s != 0xf7: return .latinLetter
        case 0x1e00...0x1eff: return .latinLetter
        case 0x80...0xbf, 0xd7, 0xf7, 0x2010...0x2018, 0x201a...0x206f, 0x3001...0x3003, 0xff01...0xff0f:
            return .punctuation
        case 0x2070...0x2bff, 0x1f000...0x1faff, 0x3030, 0x303d, 0x3297, 0x3299: return .symbol
        default: return .otherLetter
        }
    }

    /// Lower-cases a Latin letter scalar (Latin-1 and Latin Extended-A); others unchanged.
    @inline(__always)
    static func lowercased(_ s: UInt32) -> UInt32 {
        if s < 0x80 { return (s >= 0x41 && s <= 0x5a) ? s | 0x20 : s }
        if s >= 0xc0 && s <= 0xde && s != 0xd7 { return s + 0x20 }
        if s >= 0x100 && s <= 0x137 && s & 1 == 0 { return s + 1 }
        if s >= 0x139 && s <= 0x148 && s & 1 == 1 { return s + 1 }
        if s >= 0x14a && s <= 0x177 && s & 1 == 0 { return s + 1 }
        return s
    }
}
