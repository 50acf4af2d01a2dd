import Testing
@testable import AuraCore

@Suite struct MetadataTests {
    @Test func printableIsExactlyTheBytesFrom0x20To0x7EAtEveryPosition() {
        // Each byte value at each position of values that cover the 8-byte steps and the tail.
        for length in [1, 7, 8, 9, 16, 19] {
            for position in 0..<length {
                for byte in 0...255 {
                    var value = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    value[position] = UInt8(byte)
                    #expect(Metadata.isPrintable(value) == (0x20...0x7e).contains(byte), "\(length) \(position) \(byte)")
                }
            }
        }
        #expect(Metadata.isPrintable([]))
        #expect(Metadata.isPrintable(Array(" ~Bearer abc.DEF-123_~ ".utf8)))
    }

    @Test func firstFindsAKeyAskedForInAnyCase() {
        var metadata = Metadata()
        metadata.add("Authorization", "Bearer x")
        metadata.add("x-id", "1")
        metadata.add("x-id", "2")
        #expect(metadata.first("authorization")?.text == "Bearer x")
        #expect(metadata.first("AUTHORIZATION")?.text == "Bearer x")
        #expect(metadata["x-id"] == "1")
        #expect(metadata["X-Id"] == "1")
        #expect(metadata.first("x-missing") == nil)
        #expect(metadata.first("X-Missing") == nil)
        #expect(metadata.first("") == nil)
    }

    @Test func addingContentsOfAnotherKeepsBothInOrder() {
        var error = Metadata()
        error.add("retry-after-ms", "50")
        var trailing = Metadata()
        trailing.add("aura-request-id", "a1")
        trailing.add("x-trace-bin", bytes: [0, 0xff])
        var status = error
        status.add(contentsOf: trailing)
        #expect(status.map(\.key) == ["retry-after-ms", "aura-request-id", "x-trace-bin"])
        #expect(status.first("x-trace-bin")?.value == [0, 0xff])
        var empty = Metadata()
        empty.add(contentsOf: trailing)
        #expect(empty == trailing)
        empty.add("x-more", "1")  // a write after sharing leaves the other alone
        #expect(trailing.count == 2 && empty.count == 3)
    }

    @Test func firstViolationNamesTheRuleBroken() {
        var valid = Metadata()
        valid.add("x-text", "printable ~")
        valid.add("x-data-bin", bytes: [0, 0xff, 0x0a])
        #expect(valid.firstViolation == nil)

        var badKey = Metadata()
        badKey.entries.append(.init(key: "x key", value: []))
        #expect(badKey.firstViolation?.contains("is invalid") == true)

        var badValue = Metadata()
        badValue.add("x-text", bytes: Array("line\nbreak".utf8))
        #expect(badValue.firstViolation?.contains("not printable ASCII") == true)

        var highByte = Metadata()
        highByte.add("x-text", bytes: Array("cafébabe-long-enough".utf8))
        #expect(highByte.firstViolation?.contains("not printable ASCII") == true)
    }
}

@Suite struct MetadataKeyTests {
    static let allowed = Set(Array("abcdefghijklmnopqrstuvwxyz0123456789-_.".utf8))

    /// A key is binary when its last four bytes are "-bin", whatever its length (small strings
    /// are stored inline, longer ones on the heap) and wherever else "bin" appears.
    @Test func binaryKeysEndInDashBin() {
        for key in ["-bin", "x-bin", "x-trace-bin", "a-rather-long-key-name-that-is-bin"] {
            #expect(Metadata.isBinaryKey(key), "\(key)")
        }
        for key in ["", "bin", "-bi", "x-binx", "x_bin", "x-bIn", "bin-", "a-rather-long-bin-key-that-is-not"] {
            #expect(!Metadata.isBinaryKey(key), "\(key)")
        }
    }

    @Test func everyByteAtEveryPositionIsJudgedAsTheRuleSays() {
        for length in [1, 2, 7, 8, 9, 15, 16, 17, 23] {
            for position in 0..<length {
                for byte in 0...255 {
                    var key = [UInt8](repeating: UInt8(ascii: "k"), count: length)
                    key[position] = UInt8(byte)
                    let text = String(decoding: key, as: UTF8.self)
                    let expected = byte < 0x80 && Self.allowed.contains(UInt8(byte))
                    #expect(Metadata.isValidKey(text) == expected, "\(length) \(position) \(byte)")
                }
            }
        }
        #expect(!Metadata.isValidKey(""))
        #expect(Metadata.isValidKey("grpc-timeout"))
        #expect(Metadata.isValidKey("x.y_z-0123456789abcdefghij"))
        #expect(!Metadata.isValidKey("traceParent"))
    }
}
