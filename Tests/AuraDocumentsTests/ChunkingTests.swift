import Testing
import TestSupport
@testable import AuraDocuments

/// The same document gives the same records and the same error however it is cut into chunks.
@Suite struct ChunkingTests {
    static let documents: [(format: DocumentFormat, bytes: [UInt8])] = [
        (.lines, Array("\u{FEFF}one\r\ntwo é\n\n  \r\nthree 中文 😀\r\n\r\nfour\r".utf8)),
        (.csv(column: "review"), Array("\u{FEFF}id,review\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n\r\n2,é😀\n3,\"\"\n4,\"x\ny\"\n5,last".utf8)),
        (.jsonl(field: "text"), Array("\u{FEFF}{\"text\": \"a\\nb \\u00e9 \\ud83d\\ude00\", \"x\": [1, {\"y\": null}]}\r\n\n{\"text\":\"é 中\"}\n{\"text\": \"\"}\n{\"x\": 1, \"text\": \"end\"}".utf8)),
        (.text, Array("\u{FEFF}  whole\r\ndocument é 😀\n".utf8)),
    ]

    static let failing: [(format: DocumentFormat, bytes: [UInt8])] = [
        (.lines, Array("ok\r\nfine é\n".utf8) + [0xE2, 0x82] + Array("\r\nlater\n".utf8)),
        (.csv(column: "review"), Array("id,review\n1,\"ok\"\n2,\"open é\n3,x\n".utf8)),
        (.csv(column: "review"), Array("id,review\n1,ok\n2,\"a\"b\n".utf8)),
        (.jsonl(field: "text"), Array("{\"text\": \"ok\"}\n{\"text\": \"\\ud83d\"}\n".utf8)),
        (.jsonl(field: "text"), Array("{\"text\": \"ok\"}\n{\"text\": 1}".utf8)),
        (.text, Array("two\nlines é".utf8) + [0xF0, 0x9F]),
    ]

    static let all = documents + failing

    @Test func theDocumentsSplitAsExpectedWhole() {
        #expect(split(Self.documents[0].bytes, as: .lines).texts == ["one", "two é", "three 中文 😀", "four"])
        #expect(split(Self.documents[1].bytes, as: Self.documents[1].format).records
            == records([(2, "a, \"b\"\r\nc"), (5, "é😀"), (7, "x\ny"), (9, "last")]))
        #expect(split(Self.documents[2].bytes, as: Self.documents[2].format).records
            == records([(1, "a\nb é 😀"), (3, "é 中"), (5, "end")]))
        #expect(split(Self.documents[3].bytes, as: .text).texts == ["  whole\r\ndocument é 😀\n"])
        for document in Self.failing { #expect(split(document.bytes, as: document.format).error != nil) }
    }

    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func chunksOfEverySizeGiveTheRecordsOfTheWhole(size: Int) {
        for document in Self.all {
            let whole = split(document.bytes, as: document.format)
            #expect(split(document.bytes, as: document.format, cuts: cuts(every: size, count: document.bytes.count)) == whole, "\(document.format)")
        }
    }

    @Test func randomCutsGiveTheRecordsOfTheWhole() {
        var random = SplitMix64(seed: 11)
        for document in Self.all {
            let whole = split(document.bytes, as: document.format)
            for _ in 0..<200 {
                let count = Int.random(in: 0...8, using: &random)
                let cuts = (0..<count).map { _ in Int.random(in: 0...document.bytes.count, using: &random) }.sorted()
                #expect(split(document.bytes, as: document.format, cuts: cuts) == whole, "\(document.format) cut at \(cuts)")
            }
        }
    }

    @Test func everySingleCutGivesTheRecordsOfTheWhole() {
        for document in Self.all {
            let whole = split(document.bytes, as: document.format)
            for cut in 0...document.bytes.count {
                #expect(split(document.bytes, as: document.format, cuts: [cut]) == whole, "\(document.format) cut at \(cut)")
            }
        }
    }

    /// Random documents, mostly well formed and sometimes not, under small limits.
    @Test(arguments: [DocumentFormat.text, .lines, .csv(column: "review"), .jsonl(field: "text")])
    func randomDocumentsGiveTheSameOutcomeWhateverTheCuts(format: DocumentFormat) {
        var random = SplitMix64(seed: 4)
        let limits = DocumentLimits(maxRecordBytes: 12, maxLineBytes: format == .jsonl(field: "text") ? 48 : 24, maxTextBytes: 30)
        var outcomes = (records: 0, errors: 0)
        for _ in 0..<500 {
            let document = RandomDocument.make(format, using: &random)
            let whole = split(document, as: format, limits: limits)
            outcomes.records += whole.records.count
            outcomes.errors += whole.error == nil ? 0 : 1
            for _ in 0..<3 {
                let cuts = (0..<Int.random(in: 1...6, using: &random)).map { _ in Int.random(in: 0...document.count, using: &random) }.sorted()
                #expect(split(document, as: format, limits: limits, cuts: cuts) == whole, "\(document) cut at \(cuts)")
            }
        }
        #expect(outcomes.records > 200 && outcomes.errors > 50 && outcomes.errors < 400, "\(outcomes)")
    }

    @Test func aCRLFSplitBetweenChunksIsOneLineEnd() {
        let outcome = split("one\r\ntwo\r\n", as: .lines, cuts: [4, 9])
        #expect(outcome == Outcome(records: records([(1, "one"), (2, "two")])))
        #expect(split("id,review\r\n1,\"a\r\nb\"\r\n", as: .csv(column: "review"), cuts: [10, 16, 20]).texts == ["a\r\nb"])
    }

    @Test func aCharacterSplitBetweenChunksIsWhole() {
        let document = Array("é😀\n".utf8)  // C3 A9 | F0 9F 98 80 | 0A
        for cuts in [[1], [3, 4, 5], [1, 2, 3, 4, 5, 6]] {
            #expect(split(document, as: .lines, cuts: cuts).texts == ["é😀"], "cut at \(cuts)")
        }
    }

    @Test func aJSONEscapeSplitBetweenChunksIsWhole() {
        let document = Array(#"{"text": "\ud83d\ude00\n"}"#.utf8)
        #expect(split(document, as: .jsonl(field: "text"), cuts: [11, 13, 16, 17, 24]).texts == ["😀\n"])
    }

    @Test func emptyChunksChangeNothing() {
        let document = Self.documents[1]
        #expect(split(document.bytes, as: document.format, cuts: [0, 0, 5, 5, 5]) == split(document.bytes, as: document.format))
    }
}

/// Documents of a format built from small pieces, one in six with a corrupted byte.
enum RandomDocument {
    static func make(_ format: DocumentFormat, using random: inout SplitMix64) -> [UInt8] {
        var text = ""
        func some(_ pieces: [String], _ most: Int) -> String {
            (0..<Int.random(in: 0...most, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
        }
        let ending = { (random: inout SplitMix64) in ["\n", "\r\n"].randomElement(using: &random)! }
        switch format {
        case .text:
            text = some(["a", " ", "\n", "\r\n", "é", "😀"], 12)
        case .lines:
            for _ in 0..<Int.random(in: 0...5, using: &random) { text += some(["a", " ", "é", "😀", "\r", "\u{FEFF}"], 5) + ending(&random) }
        case .csv:
            text = "id, review" + ending(&random)
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let field = Bool.random(using: &random) ? some(["a", " ", "é", "😀"], 4) : "\"" + some(["a", ",", "\"\"", "\n", "\r\n", "é"], 4) + "\""
                text += "1," + field + ending(&random)
            }
        case .jsonl:
            for _ in 0..<Int.random(in: 0...5, using: &random) {
                let opening = ["{\"text\": \"", "{\"n\": [1, {}], \"text\":\""].randomElement(using: &random)!
                text += opening + some(["a", " ", "é", "\\n", "\\\"", "\\u00e9", "\\ud83d\\ude00"], 4) + "\"}" + ending(&random)
            }
        }
        if Bool.random(using: &random) { text = "\u{FEFF}" + text }
        var bytes = Array(text.utf8)
        if !bytes.isEmpty, Int.random(in: 0..<6, using: &random) == 0 {
            bytes[Int.random(in: 0..<bytes.count, using: &random)] = [0xC3, 0xFF, 0x22, 0x2C, 0x0A].randomElement(using: &random)!
        }
        return bytes
    }
}
