import Testing
@testable import AuraJobLog

@Suite struct SegmentFormatTests {
    @Test func fileNamesSortLikeIdsAndParseBack() {
        #expect(SegmentFormat.fileName(42) == "00000000000000000042.seg")
        #expect(SegmentFormat.segmentID(fileName: SegmentFormat.fileName(UInt64.max)) == UInt64.max)
        #expect(SegmentFormat.segmentID(fileName: "00000000000000000042.seg.tmp") == nil)
        #expect(SegmentFormat.segmentID(fileName: "42.seg") == nil)
        #expect(SegmentFormat.fileName(9) < SegmentFormat.fileName(10))
    }

    @Test func segmentHeaderRoundTripsAndRefusesDamage() {
        let header = SegmentFormat.encodeHeader(id: 7, baseSequence: 1234)
        #expect(header.count == SegmentFormat.headerSize)
        #expect(header.withUnsafeBytes { try? SegmentFormat.decodeHeader($0, expectedID: 7).get() } == .init(baseSequence: 1234, keyID: 0))
        guard case .failure(.damaged) = header.withUnsafeBytes({ SegmentFormat.decodeHeader($0, expectedID: 8) }) else {
            Issue.record("a header naming another segment was accepted")
            return
        }
        for index in 0..<SegmentFormat.headerSize {
            var flipped = header
            flipped[index] ^= 0x01
            guard case .failure(.damaged) = flipped.withUnsafeBytes({ SegmentFormat.decodeHeader($0, expectedID: 7) }) else {
                Issue.record("a flipped bit in byte \(index) was not caught")
                continue
            }
        }
    }

    @Test func anEncryptedSegmentHeaderCarriesItsKeyID() {
        let header = SegmentFormat.encodeHeader(id: 7, baseSequence: 99, keyID: 0xDEAD_BEEF)
        #expect(header[8] == 2 && header[12..<16].elementsEqual([0xEF, 0xBE, 0xAD, 0xDE]))
        #expect(header.withUnsafeBytes { try? SegmentFormat.decodeHeader($0, expectedID: 7).get() } == .init(baseSequence: 99, keyID: 0xDEAD_BEEF))
    }

    /// Another version, or a version that does not match the key id (plaintext with a key id,
    /// encrypted without one), is a format this code does not read.
    @Test(arguments: [(UInt8(3), UInt8(0)), (2, 0), (1, 5)]) func anotherVersionIsRefusedAsUnsupportedNotDamaged(version: UInt8, keyID: UInt8) {
        var header = SegmentFormat.encodeHeader(id: 1, baseSequence: 1)
        header[8] = version
        header[12] = keyID
        let crc = header.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[0..<32])) }
        withUnsafeBytes(of: CRC32C.mask(crc).littleEndian) { header.replaceSubrange(32..<36, with: $0) }
        guard case .failure(.unsupported) = header.withUnsafeBytes({ SegmentFormat.decodeHeader($0, expectedID: 1) }) else {
            Issue.record("version \(version) with key id \(keyID) was not refused as unsupported")
            return
        }
    }

    @Test func recordHeaderRoundTripsAndItsChecksumCoversHeaderAndPayload() {
        let payload: [UInt8] = Array("hello".utf8)
        let header = payload.withUnsafeBytes { RecordHeader(type: 9, flags: RecordHeader.commitFlag, sequence: 77, payload: $0) }
        var bytes = [UInt8](repeating: 0, count: SegmentFormat.recordHeaderSize)
        bytes.withUnsafeMutableBytes { header.write(to: $0.baseAddress!) }
        let parsed = bytes.withUnsafeBytes { RecordHeader(parsing: $0) }
        #expect(parsed == header)
        #expect(parsed.length == 5 && parsed.type == 9 && parsed.sequence == 77 && parsed.endsAppend && !parsed.isPadding)
        #expect(payload.withUnsafeBytes { parsed.matches(payload: $0) })
        #expect(!Array("hellp".utf8).withUnsafeBytes { parsed.matches(payload: $0) })
        var retyped = parsed
        retyped.type = 8
        #expect(!payload.withUnsafeBytes { retyped.matches(payload: $0) })
    }

    @Test func headerProblems() {
        let header = [UInt8]().withUnsafeBytes { RecordHeader(type: 1, flags: 0, sequence: 5, payload: $0) }
        #expect(header.problem(available: 0, after: 4) == nil)
        #expect(header.problem(available: 0, after: 5) != nil)  // sequence must increase
        var long = header
        long.length = 10
        #expect(long.problem(available: 9, after: 0) != nil)
        let zeros = [UInt8](repeating: 0, count: 20)
        #expect(zeros.withUnsafeBytes { RecordHeader(parsing: $0).isZero })
    }
}
