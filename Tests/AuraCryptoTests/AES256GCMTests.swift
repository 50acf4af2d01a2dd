import Testing
import AuraCrypto

/// AES-256-GCM against the test vectors of the GCM specification (McGrew and Viega, test
/// cases 13-16, the AES-256 ones NIST's validation suite also carries).
@Suite struct AES256GCMTests {
    struct Vector: Sendable, CustomStringConvertible {
        var name: String
        var key: String
        var nonce: String
        var plaintext: String
        var associatedData: String
        var ciphertext: String
        var tag: String
        var description: String { name }
    }

    static let key15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
    static let plaintext15 =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255"
    static let ciphertext15 =
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad"

    static let vectors = [
        Vector(name: "case 13: empty", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12), plaintext: "",
               associatedData: "", ciphertext: "", tag: "530f8afbc74536b9a963b4f1c4cb738b"),
        Vector(name: "case 14: one zero block", key: String(repeating: "00", count: 32), nonce: String(repeating: "00", count: 12),
               plaintext: String(repeating: "00", count: 16), associatedData: "", ciphertext: "cea7403d4d606b6e074ec5d3baf39d18",
               tag: "d0d1c8a799996bf0265b98b5d48ab919"),
        Vector(name: "case 15: four blocks", key: key15, nonce: "cafebabefacedbaddecaf888", plaintext: plaintext15, associatedData: "",
               ciphertext: ciphertext15, tag: "b094dac5d93471bdec1a502270e3cc6c"),
        Vector(name: "case 16: a partial block and associated data", key: key15, nonce: "cafebabefacedbaddecaf888",
               plaintext: String(plaintext15.dropLast(8)), associatedData: "feedfacedeadbeeffeedfacedeadbeefabaddad2",
               ciphertext: String(ciphertext15.dropLast(8)), tag: "76fc6ece0f4e1768cddf8853bb2d551b"),
    ]

    @Test(arguments: vectors) func sealsToTheVector(_ vector: Vector) {
        let cipher = AES256GCM(key: bytes(vector.key))
        let plaintext = bytes(vector.plaintext)
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: AES256GCM.tagSize)
        seal(cipher, vector, plaintext, &ciphertext, &tag)
        #expect(hex(ciphertext) == vector.ciphertext)
        #expect(hex(tag) == vector.tag)
    }

    @Test(arguments: vectors) func opensTheVectorAndRefusesAnyChange(_ vector: Vector) {
        let cipher = AES256GCM(key: bytes(vector.key))
        #expect(open(cipher, nonce: bytes(vector.nonce), bytes(vector.associatedData), bytes(vector.ciphertext), bytes(vector.tag))
            == bytes(vector.plaintext))
        var tag = bytes(vector.tag)
        tag[3] ^= 1
        #expect(open(cipher, nonce: bytes(vector.nonce), bytes(vector.associatedData), bytes(vector.ciphertext), tag) == nil)
        #expect(open(cipher, nonce: bytes(vector.nonce), bytes(vector.associatedData) + [0], bytes(vector.ciphertext), bytes(vector.tag)) == nil)
        var nonce = bytes(vector.nonce)
        nonce[11] ^= 0x80
        #expect(open(cipher, nonce: nonce, bytes(vector.associatedData), bytes(vector.ciphertext), bytes(vector.tag)) == nil)
        if !vector.ciphertext.isEmpty {
            var ciphertext = bytes(vector.ciphertext)
            ciphertext[0] ^= 1
            #expect(open(cipher, nonce: bytes(vector.nonce), bytes(vector.associatedData), ciphertext, bytes(vector.tag)) == nil)
        }
        let otherKey = AES256GCM(key: [UInt8](repeating: 7, count: 32))
        #expect(open(otherKey, nonce: bytes(vector.nonce), bytes(vector.associatedData), bytes(vector.ciphertext), bytes(vector.tag)) == nil)
    }

    @Test func sealsAndOpensInPlaceAndTheCipherIsReusable() {
        let vector = Self.vectors[2]
        let cipher = AES256GCM(key: bytes(vector.key))
        for _ in 0..<3 {
            var buffer = bytes(vector.plaintext)
            var tag = [UInt8](repeating: 0, count: AES256GCM.tagSize)
            buffer.withUnsafeMutableBytes { data in
                bytes(vector.nonce).withUnsafeBytes { nonce in
                    tag.withUnsafeMutableBytes { tag in
                        cipher.seal(nonce: nonce, associatedData: UnsafeRawBufferPointer(start: nil, count: 0), plaintext: UnsafeRawBufferPointer(data),
                                    ciphertext: data, tag: tag)
                    }
                }
            }
            #expect(hex(buffer) == vector.ciphertext && hex(tag) == vector.tag)
            let opened = buffer.withUnsafeMutableBytes { data in
                bytes(vector.nonce).withUnsafeBytes { nonce in
                    tag.withUnsafeBytes { tag in
                        cipher.open(nonce: nonce, associatedData: UnsafeRawBufferPointer(start: nil, count: 0), ciphertext: UnsafeRawBufferPointer(data),
                                    tag: tag, plaintext: data)
                    }
                }
            }
            #expect(opened && hex(buffer) == vector.plaintext)
        }
    }

    private func seal(_ cipher: AES256GCM, _ vector: Vector, _ plaintext: [UInt8], _ ciphertext: inout [UInt8], _ tag: inout [UInt8]) {
        bytes(vector.nonce).withUnsafeBytes { nonce in
            bytes(vector.associatedData).withUnsafeBytes { associatedData in
                plaintext.withUnsafeBytes { plaintext in
                    ciphertext.withUnsafeMutableBytes { ciphertext in
                        tag.withUnsafeMutableBytes { tag in
                            cipher.seal(nonce: nonce, associatedData: associatedData, plaintext: plaintext, ciphertext: ciphertext, tag: tag)
                        }
                    }
                }
            }
        }
    }

    /// The plaintext, or nil when the tag does not verify.
    private func open(_ cipher: AES256GCM, nonce: [UInt8], _ associatedData: [UInt8], _ ciphertext: [UInt8], _ tag: [UInt8]) -> [UInt8]? {
        var plaintext = [UInt8](repeating: 0, count: ciphertext.count)
        let ok = nonce.withUnsafeBytes { nonce in
            associatedData.withUnsafeBytes { associatedData in
                ciphertext.withUnsafeBytes { ciphertext in
                    tag.withUnsafeBytes { tag in
                        plaintext.withUnsafeMutableBytes { plaintext in
                            cipher.open(nonce: nonce, associatedData: associatedData, ciphertext: ciphertext, tag: tag, plaintext: plaintext)
                        }
                    }
                }
            }
        }
        return ok ? plaintext : nil
    }

    private func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<($0 + 2)], as: UTF8.self), radix: 16)! }
    }

    private func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
}
