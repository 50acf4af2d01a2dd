import AuraBytes
import Testing
@testable import AuraWire

@Suite struct MessageEncodingTests {
    @Test(arguments: [0, 1, 1000, 200_000])
    func deflateInflateRoundTrip(_ size: Int) throws {
        let message = ByteBuffer(bytes: pattern(size))
        let compressed = MessageEncoding.deflate(message)
        #expect(compressed.readableBytesArray.first == 0x78, "a zlib (RFC 1950) header")
        #expect(try MessageEncoding.inflate(compressed, limit: size) == message)
    }

    @Test func namesAreTheHeaderValues() {
        #expect(MessageEncoding(rawValue: "deflate") == .deflate)
        #expect(MessageEncoding(rawValue: "identity") == .identity)
        #expect(MessageEncoding(rawValue: "gzip") == nil)
        #expect(MessageEncoding.allCases.count == 2)
    }

    @Test func limitIsInclusive() throws {
        let compressed = MessageEncoding.deflate(.of(pattern(5000)))
        #expect(try MessageEncoding.inflate(compressed, limit: 5000).readableBytes == 5000)
        #expect(throws: RPCError.self) { try MessageEncoding.inflate(compressed, limit: 4999) }
        do {
            _ = try MessageEncoding.inflate(compressed, limit: 4999)
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test func zlibBombStopsAtTheLimit() throws {
        // 10 MB of zeros compress to about 10 KB; inflating with a 1 MB limit must stop there.
        let bomb = MessageEncoding.deflate(.of([UInt8](repeating: 0, count: 10_000_000)), level: 9)
        #expect(bomb.readableBytes < 20_000)
        do {
            _ = try MessageEncoding.inflate(bomb, limit: 1 << 20)
            Issue.record("the bomb inflated")
        } catch {
            #expect(error.code == .resourceExhausted)
        }
    }

    @Test func zeroLimitAcceptsOnlyTheEmptyMessage() throws {
        #expect(try MessageEncoding.inflate(MessageEncoding.deflate(ByteBuffer()), limit: 0).readableBytes == 0)
        #expect(throws: RPCError.self) { try MessageEncoding.inflate(MessageEncoding.deflate(.of([1])), limit: 0) }
    }

    @Test(arguments: [1, 4, 6, 10])
    func truncatedStreamIsInternal(_ cut: Int) {
        let compressed = MessageEncoding.deflate(.of(pattern(3000))).readableBytesArray
        expectInternal(Array(compressed.dropLast(cut)))
    }

    @Test func corruptOrEmptyStreamsAreInternal() {
        var compressed = MessageEncoding.deflate(.of(pattern(3000))).readableBytesArray
        expectInternal([])
        expectInternal([0x78])
        compressed[0] = 0x79  // header checksum no longer holds
        expectInternal(compressed)
        var badChecksum = MessageEncoding.deflate(.of(pattern(3000))).readableBytesArray
        badChecksum[badChecksum.count - 1] ^= 0xff  // adler32 trailer
        expectInternal(badChecksum)
        expectInternal(Array("not zlib at all".utf8))
    }

    private func expectInternal(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let message = try MessageEncoding.inflate(.of(bytes), limit: 1 << 20)
            Issue.record("inflated to \(message.readableBytes) bytes", sourceLocation: sourceLocation)
        } catch {
            #expect(error.code == .internal, sourceLocation: sourceLocation)
            #expect(error.message.contains("message decompression failed"), sourceLocation: sourceLocation)
        }
    }
}
