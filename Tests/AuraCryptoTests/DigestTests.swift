import AuraCrypto
import Testing

/// Known-answer vectors from FIPS 180-2 (appendix B) and RFC 4231 (section 4).
@Suite struct DigestTests {
    @Test func sha256OfOneBlockMessage() {
        #expect(Crypto.sha256(Array("abc".utf8)).description
            == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func sha256OfMultiBlockMessage() {
        let message = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(Crypto.sha256(Array(message.utf8)).description
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func sha256OfOneMillionAs() {
        #expect(Crypto.sha256([UInt8](repeating: 0x61, count: 1_000_000)).description
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256OfNothing() {
        #expect(Crypto.sha256([]).description == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func digestBytesAndEquality() {
        let digest = Crypto.sha256(Array("abc".utf8))
        #expect(digest.bytes.count == 32)
        #expect(digest.bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        #expect(digest == Crypto.sha256(Array("abc".utf8)))
        #expect(digest != Crypto.sha256(Array("abd".utf8)))
        #expect(Set([digest, Crypto.sha256(Array("abc".utf8))]).count == 1)
    }

    struct HMACCase: Sendable, CustomTestStringConvertible {
        let name: String
        let key: [UInt8]
        let data: [UInt8]
        let expected: String
        var testDescription: String { name }
    }

    static let rfc4231: [HMACCase] = [
        HMACCase(
            name: "test case 1", key: [UInt8](repeating: 0x0b, count: 20), data: Array("Hi There".utf8),
            expected: "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
        HMACCase(
            name: "test case 2 (key shorter than the output)", key: Array("Jefe".utf8),
            data: Array("what do ya want for nothing?".utf8),
            expected: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
        HMACCase(
            name: "test case 3", key: [UInt8](repeating: 0xaa, count: 20), data: [UInt8](repeating: 0xdd, count: 50),
            expected: "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
        HMACCase(
            name: "test case 4", key: Array(1...25), data: [UInt8](repeating: 0xcd, count: 50),
            expected: "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
        HMACCase(
            name: "test case 6 (key larger than a block)", key: [UInt8](repeating: 0xaa, count: 131),
            data: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            expected: "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
        HMACCase(
            name: "test case 7 (key and data larger than a block)", key: [UInt8](repeating: 0xaa, count: 131),
            data: Array(("This is a test using a larger than block-size key and a larger than block-size data."
                + " The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            expected: "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
    ]

    @Test(arguments: rfc4231) func hmacSHA256(_ vector: HMACCase) {
        let mac = vector.data.withUnsafeBytes { Crypto.hmacSHA256(key: vector.key, $0) }
        #expect(mac.description == vector.expected)
    }

    /// RFC 4231 test case 5 checks only the first 128 bits of the output.
    @Test func hmacSHA256TruncatedTo128Bits() {
        let mac = Array("Test With Truncation".utf8).withUnsafeBytes {
            Crypto.hmacSHA256(key: [UInt8](repeating: 0x0c, count: 20), $0)
        }
        #expect(mac.description.prefix(32) == "a3b6167473100ee06e0c796c2955552b")
    }

    @Test func randomBytesHaveTheAskedLengthAndDiffer() {
        let a = Crypto.randomBytes(32)
        let b = Crypto.randomBytes(32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
    }
}
