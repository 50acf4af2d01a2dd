import Testing
import TestSupport
@testable import AuraDocuments

@Suite struct UTF8ValidationTests {
    private func firstInvalid(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { $0.firstInvalidUTF8() } }

    @Test func validTextOfEveryLengthPasses() {
        #expect(firstInvalid([]) == nil)
        #expect(firstInvalid(Array("plain ASCII that is longer than a word".utf8)) == nil)
        #expect(firstInvalid(Array("é中😀\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}\u{10FFFF}".utf8)) == nil)
    }

    @Test func theOffsetIsWhereTheBadSequenceStarts() {
        #expect(firstInvalid(Array("12345678901".utf8) + [0xE2, 0x28, 0xA1]) == 11)
        #expect(firstInvalid([0x61, 0xF5, 0x80, 0x80, 0x80]) == 1)
        #expect(firstInvalid([0xF0, 0x9F, 0x98]) == 0)
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var random = SplitMix64(seed: 8)
        let alphabet: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF]
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &random)
            let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
            let expected = String(validating: bytes, as: UTF8.self) != nil
            #expect((firstInvalid(bytes) == nil) == expected, "\(bytes)")
        }
    }
}
