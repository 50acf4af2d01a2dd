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

    @Test func writesSixteenLowercaseDigitsMostSignificantFirst() {
        #expect(written(0) == "..0000000000000000..")
        #expect(written(0x0123_4567_89ab_cdef) == "..0123456789abcdef..")
        #expect(written(.max) == "..ffffffffffffffff..")
        #expect(written(0xa0b0_c0d0_e0f0_0090) == "..a0b0c0d0e0f00090..")
    }

    @Test func agreesWithTheDigitByDigitWriter() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<10_000 {
            let value = UInt64.random(in: .min ... .max, using: &generator) >> UInt64.random(in: 0...63, using: &generator)
            var expected: [UInt8] = Array("..".utf8)
            Hex.append(value, to: &expected)
            expected += Array("..".utf8)
            #expect(written(value) == String(decoding: expected, as: UTF8.self))
        }
    }
}
