import Testing
@testable import AuraTracing

@Suite struct HexTests {
    /// What `Hex.write` (eight digits a word) writes, as text.
    private func written(_ value: UInt64) -> String {
        let bytes = [UInt8](unsafeUninitializedCapacity: 20) { buffer, count in
            buffer.initialize(repeating: UInt8(ascii: "."))
            Hex.write(value, into: buffer, at: 2)
            count = 20
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test func writesSixteenLowercaseDigitsMostSignificantFirstInPlaceOrAppended() {
        #expect(written(0) == "..0000000000000000..")
        #expect(written(0x0123_4567_89ab_cdef) == "..0123456789abcdef..")
        #expect(written(.max) == "..ffffffffffffffff..")
        #expect(written(0xa0b0_c0d0_e0f0_0090) == "..a0b0c0d0e0f00090..")
    }

    @Test func agreesWithTheStandardLibrarysHex() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = UInt64.random(in: .min ... .max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            let hex = String(value, radix: 16)
            let expected = String(repeating: "0", count: 16 - hex.count) + hex
            #expect(written(value) == ".." + expected + "..")
            var appended: [UInt8] = [0x2e]
            Hex.append(value, to: &appended)
            #expect(appended == [0x2e] + Array(expected.utf8))
        }
    }
}
