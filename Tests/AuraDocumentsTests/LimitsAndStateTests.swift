import Testing
@testable import AuraDocuments

@Suite struct LimitsAndStateTests {
    private struct Stop: Error {}

    /// Feeds `count` bytes of `byte` in chunks of `chunk`, counting what was fed until an error.
    private func feedLongLine(
        _ splitter: inout DocumentSplitter, prefix: String, byte: UInt8, count: Int, chunk: Int
    ) -> (fed: Int, error: DocumentError?) {
        var fed = 0
        do {
            try splitter.feed(prefix)
            let piece = [UInt8](repeating: byte, count: chunk)
            while fed < count {
                try piece.withUnsafeBytes { try splitter.feed($0) { _ in } }
                fed += chunk
            }
            return (fed, nil)
        } catch {
            return (fed, error as? DocumentError)
        }
    }

    @Test func aLineOverTheLineLimitFailsBeforeItIsAllBuffered() {
        var splitter = DocumentSplitter(format: .lines)
        let result = feedLongLine(&splitter, prefix: "one\ntwo\n", byte: 0x61, count: 2 << 20, chunk: 64 << 10)
        #expect(result.error == DocumentError(line: 3, message: "line 3: the line is longer than 1,048,576 bytes, the limit"))
        #expect(result.fed == 1 << 20)  // the chunk that passed the limit was refused, nothing after it was asked for
        #expect(splitter.bufferedCapacity <= (1 << 20) + pageOfMallocRounding)
        #expect(splitter.recordCount == 2)
    }

    @Test func aCSVRecordOverTheLineLimitFailsAtItsFirstLine() {
        var splitter = DocumentSplitter(format: .csv(column: "c"), limits: DocumentLimits(maxLineBytes: 1000))
        let result = feedLongLine(&splitter, prefix: "c\n\"open\n", byte: 0x0A, count: 10_000, chunk: 100)
        #expect(result.error?.message == "line 2: the CSV record starting here is longer than 1,000 bytes, the limit (a quote never closed, or a stray quote in an unquoted field?)")
        #expect(splitter.bufferedCapacity <= 1000 + pageOfMallocRounding)
    }

    @Test func aJSONLineOverTheLimitInOneChunkFailsTheSameWay() {
        let limits = DocumentLimits(maxLineBytes: 20)
        let line = "{\"text\": \"" + String(repeating: "x", count: 20) + "\"}\n"
        #expect(split(line, as: .jsonl(field: "text"), limits: limits).error?.message == "line 1: the line is longer than 20 bytes, the limit")
    }

    @Test func theLineLimitCountsEveryByteButTheLineFeed() {
        let limits = DocumentLimits(maxLineBytes: 4)
        #expect(split("abcd\nabc\r\n", as: .lines, limits: limits).texts == ["abcd", "abc"])
        #expect(split("abcd\r\n", as: .lines, limits: limits).error?.message == "line 1: the line is longer than 4 bytes, the limit")
        #expect(split("abcde", as: .lines, limits: limits, cuts: [2]).error?.line == 1)
    }

    @Test func theLineLimitComesBeforeContentWhateverTheChunks() {
        let limits = DocumentLimits(maxLineBytes: 8)
        let document = Array("ok\n".utf8) + [0xFF] + Array("0123456789\n".utf8)
        for cut in 0...document.count {
            #expect(split(document, as: .lines, limits: limits, cuts: [cut]).error?.message == "line 2: the line is longer than 8 bytes, the limit")
        }
    }

    @Test func afterAnErrorEveryCallThrowsTheSameError() {
        var splitter = DocumentSplitter(format: .jsonl(field: "text"))
        let expected = DocumentError(line: 1, message: "line 1: not a JSON object")
        #expect(throws: expected) { try splitter.feed("[]\n") }
        #expect(throws: expected) { try splitter.feed("{\"text\": \"ok\"}\n") { _ in Issue.record("emitted after an error") } }
        #expect(throws: expected) { try splitter.finish { _ in } }
    }

    @Test func anErrorFromEmitIsRethrownAndStopsTheSplitter() {
        var splitter = DocumentSplitter(format: .lines)
        #expect(throws: Stop.self) { try splitter.feed("a\nb\n") { _ in throw Stop() } }
        #expect(throws: Stop.self) { try splitter.finish { _ in } }
    }

    @Test func recordCountCountsRecordsOnly() throws {
        var splitter = DocumentSplitter(format: .lines)
        var indexes: [Int] = []
        try splitter.feed("a\n\n b\n  \nc") { indexes.append($0.index) }
        #expect(splitter.recordCount == 2)
        try splitter.finish { indexes.append($0.index) }
        #expect(splitter.recordCount == 3)
        #expect(indexes == [0, 1, 2])
    }

    @Test func messagesGroupThousands() {
        #expect(grouped(0) == "0")
        #expect(grouped(999) == "999")
        #expect(grouped(1_000) == "1,000")
        #expect(grouped(1_048_576) == "1,048,576")
        #expect(grouped(-12_345) == "-12,345")
    }
}
