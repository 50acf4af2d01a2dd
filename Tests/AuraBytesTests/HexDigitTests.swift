import AuraBytes
import Testing

@Suite struct HexDigitTests {
    @Test func everyByteMapsToItsDigitValueOrNil() {
        let digits = Array("0123456789abcdef".utf8), upper = Array("ABCDEF".utf8)
        for byte in UInt8.min...UInt8.max {
            let expected = digits.firstIndex(of: byte).map(UInt8.init) ?? upper.firstIndex(of: byte).map { UInt8($0 + 10) }
            #expect(HexDigit.value(byte) == expected, "byte \(byte)")
        }
    }
}
