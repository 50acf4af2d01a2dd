import Testing
@testable import AuraBytes

@Suite struct ValidUTF8Tests {
    private func decode(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { String(validUTF8: $0) }
    }

    @Test func validTextComesThroughUnchanged() {
        for text in ["", "a", "aura.TestService/UnaryCall", "héllo wörld", "日本語", "😀 emoji", String(repeating: "x", count: 300)] {
            #expect(decode(Array(text.utf8)) == text)
        }
        #expect(decode([0xef, 0xbf, 0xbd]) == "\u{fffd}")  // a real replacement character is valid
    }

    @Test func invalidSequencesAreRefused() {
        let invalid: [[UInt8]] = [
            [0x80], [0xff], [0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80],  // stray, overlong, surrogate
            [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0xf0, 0x90, 0x80], [0x61, 0xf0, 0x90, 0x80, 0x62],  // too big, truncated
            [0xef, 0xbf], [0xef, 0x61, 0xbd],
        ]
        for bytes in invalid { #expect(decode(bytes) == nil, "\(bytes)") }
    }

    @Test func agreesWithTheStandardLibraryOnEveryShortSequence() {
        // Every 1- and 2-byte sequence, and 3-byte ones around the multi-byte boundaries.
        var checked = 0
        func check(_ bytes: [UInt8]) {
            let expected = bytes.withUnsafeBytes { String(validating: $0, as: UTF8.self) }
            #expect(decode(bytes) == expected, "\(bytes)")
            checked += 1
        }
        for a in 0...255 {
            check([UInt8(a)])
            for b in 0...255 { check([UInt8(a), UInt8(b)]) }
        }
        for a in [0xe0, 0xed, 0xef, 0xf0, 0xf4] as [UInt8] {
            for b in 0x70...0xc0 { for c in [0x61, 0x80, 0xbf, 0xc0] as [UInt8] { check([a, UInt8(b), c]) } }
        }
        #expect(checked > 65_000)
    }
}
