import Testing
@testable import AuraBytes

@Suite struct HexDigitTests {
    private static let lowercase = Set(Array("0123456789abcdef".utf8))

    @Test func everyByteMapsToItsDigitValueOrNil() {
        let digits = Array("0123456789abcdef".utf8), upper = Array("ABCDEF".utf8)
        for byte in UInt8.min...UInt8.max {
            let expected = digits.firstIndex(of: byte).map(UInt8.init) ?? upper.firstIndex(of: byte).map { UInt8($0 + 10) }
            #expect(HexDigit.value(byte) == expected, "byte \(byte)")
        }
    }

    @Test func lowercaseIsExactlyTheDigitsAndAToFAtEveryPosition() {
        // Each byte value at each position of runs that cover the 8-byte steps and the tail.
        for length in [1, 7, 8, 9, 16, 17, 64] {
            for position in 0..<length {
                for byte in 0...255 {
                    var digits = [UInt8](repeating: UInt8(ascii: "7"), count: length)
                    digits[position] = UInt8(byte)
                    let accepted = digits.withUnsafeBytes(HexDigit.areLowercase)
                    #expect(accepted == Self.lowercase.contains(UInt8(byte)), "\(length) \(position) \(byte)")
                }
            }
        }
        #expect(!HexDigit.areLowercase(UnsafeRawBufferPointer(start: nil, count: 0)))
    }

    @Test func lowercaseValueReadsUpToSixteenDigits() {
        for value: UInt64 in [0, 1, 0xf, 0x10, 0xdead_beef, 0x0123_4567_89ab_cdef, .max] {
            let text = String(value, radix: 16)
            #expect(Array(text.utf8).withUnsafeBytes(HexDigit.lowercaseValue) == value, "\(text)")
            let padded = String(repeating: "0", count: 16 - text.count) + text
            #expect(Array(padded.utf8).withUnsafeBytes(HexDigit.lowercaseValue) == value, "\(padded)")
        }
        for refused in ["", "DEAD", "12345678901234567", "0x12", "12 4", "g"] {
            #expect(Array(refused.utf8).withUnsafeBytes(HexDigit.lowercaseValue) == nil, "\(refused)")
        }
    }
}
