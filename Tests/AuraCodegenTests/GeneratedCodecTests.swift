import AuraBytes
import AuraMessages
import AuraProto
import Testing

/// The generated codec's rules, one at a time, on the fixture schema's types.
@Suite struct GeneratedCodecTests {
    @Test func defaultsAreNotWrittenAndPresenceIsTracked() {
        var message = Everything()
        #expect(message.encoded().readableBytes == 0)
        #expect(!message.hasInner && !message.hasMaybe)
        message.maybe = 0  // explicit presence: written even at its default
        message.inner.note = ""
        #expect(message.hasMaybe && message.hasInner)
        #expect(message.encoded().readableBytesArray == [0x92, 0x01, 0x00, 0x98, 0x01, 0x00])
        message.clearMaybe()
        #expect(!message.hasMaybe)
    }

    @Test func unknownEnumNumbersSurviveARoundTrip() throws {
        let message = Everything(color: Color(rawValue: 42), mood: .init(rawValue: -9))
        #expect(message.color == .unrecognized(42))
        #expect(message.color.name == nil)
        let back = try Everything(decoding: message.encoded())
        #expect(back.color.rawValue == 42)
        #expect(back.mood == .unrecognized(-9))
        #expect(Everything.Mood(rawValue: 1) == .angry)
        #expect(Everything.Mood.furious.rawValue == 1)
        #expect(Color.red.name == "COLOR_RED")
    }

    @Test func unknownFieldsAreSkipped() throws {
        var writer = ProtoWriter()
        writer.writeString(field: 14, "kept")
        writer.writeUInt(field: 1000, 7)
        writer.writeString(field: 1001, "unknown")
        writer.writeFixed32(field: 1002, 1)
        let message = try Everything(decoding: writer.buffer)
        #expect(message == Everything(aString: "kept"))
    }

    @Test func repeatedNumbersAreWrittenPackedAndReadEitherWay() throws {
        let packed = Everything(numbers: [1, -1, 300])
        #expect(packed.encoded().readableBytesArray.prefix(3) == [0xa2, 0x01, 13])  // field 20, length-delimited: 1 + 10 + 2 bytes
        var unpacked = ProtoWriter()
        for number: Int64 in [1, -1, 300] { unpacked.writeInt(field: 20, number, always: true) }
        #expect(try Everything(decoding: unpacked.buffer).numbers == [1, -1, 300])
        let notPacked = Everything(signedNumbers: [-2, 5])  // [packed = false]
        #expect(notPacked.encoded().readableBytesArray == [0xa8, 0x01, 3, 0xa8, 0x01, 10])
    }

    @Test func mapsAreWrittenInKeyOrder() {
        let a = Everything(counts: ["b": 2, "a": 1, "c": 3], flags: [true: "yes", false: "no"])
        var b = Everything()
        b.flags[false] = "no"
        b.counts["c"] = 3
        b.flags[true] = "yes"
        b.counts["a"] = 1
        b.counts["b"] = 2
        #expect(a.encoded() == b.encoded())
    }

    @Test func aOneofHoldsOneMemberAndTheLastOneWins() throws {
        var writer = ProtoWriter()
        writer.writeString(field: 31, "first")
        writer.writeUInt(field: 33, 9)
        let message = try Everything(decoding: writer.buffer)
        #expect(message.choice == .number(9))
        let inner = Everything(choice: .innerChoice(Everything.Inner()))
        #expect(inner.encoded().readableBytesArray == [0x82, 0x02, 0x00])  // an empty member is still set
    }

    @Test func keywordFieldsAreUsable() {
        let message = Everything(protocol: "p", default: true, self_: 3)
        #expect(message.protocol == "p")
        #expect(message.default)
        #expect(message.self_ == 3)
    }

    @Test func invalidUTF8InAStringIsADecodingErrorNamingTheField() {
        var writer = ProtoWriter()
        [0x61, 0xff].withUnsafeBytes { writer.writeBytes(field: 14, $0) }
        #expect(throws: ProtoDecodingError.invalidUTF8(field: 14)) { try Everything(decoding: writer.buffer) }
        #expect(ProtoDecodingError.invalidUTF8(field: 14).description == "field 14 is not valid UTF-8")
    }

    @Test func auraMessagesKeepTheirWireNames() throws {
        let result = SentimentResult.with {
            $0.sentiment = .mixed
            $0.scores = SentimentScores(positive: 0.5, negative: 0.5)
            $0.redactions = [PiiEntity(type: "EMAIL", beginOffset: 2, endOffset: 9, score: 1)]
        }
        let back = try SentimentResult(decoding: result.encoded())
        #expect(back == result)
        #expect(back.sentiment.name == "MIXED")
        #expect(RedactionMode(rawValue: 2) == .hash)
        #expect(HealthCheckResponse.ServingStatus.notServing.rawValue == 2)
    }
}
