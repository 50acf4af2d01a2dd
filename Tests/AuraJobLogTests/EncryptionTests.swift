import AuraBytes
import AuraPosix
import Glibc
import Testing
@testable import AuraJobLog

/// Encryption at rest: records sealed on disk, wrong and missing keys refused without touching
/// a byte, rotation, and the switch from a plaintext log.
@Suite struct EncryptionTests {
    static let keyA = try! JobLogKey(bytes: [UInt8](repeating: 0xA1, count: 32))
    static let keyB = try! JobLogKey(bytes: [UInt8](repeating: 0xB2, count: 32))

    private func configuration(_ scratch: ScratchDirectory, current: JobLogKey?, old: [JobLogKey] = [], preallocate: Bool = true) -> JobLogConfiguration {
        var configuration = scratch.configuration(preallocate: preallocate)
        configuration.keyring = JobLogKeyring(current: current, old: old)
        return configuration
    }

    /// A document-like payload whose text is easy to look for on disk.
    private func secret(_ index: Int, size: Int = 400) -> ByteBuffer {
        let text = Array("confidential text \(index) ".utf8)
        return ByteBuffer(bytes: (0..<size).map { text[$0 % text.count] })
    }

    /// Appends `count` records of `secret` text and returns them with their positions.
    private func write(_ configuration: JobLogConfiguration, count: Int, from first: Int = 0) async throws -> [LogPosition] {
        let (log, _, _) = try await openLog(configuration)
        var positions: [LogPosition] = []
        for index in first..<(first + count) {
            positions += try await log.append([LogRecord(type: UInt8(index % 200), payload: secret(index))])
        }
        await log.close()
        return positions
    }

    /// Every file of the log folder and its bytes.
    private func snapshot(_ scratch: ScratchDirectory) throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        for name in try Files.names(inDirectory: scratch.logPath) { files[name] = try Tamper.bytes("\(scratch.logPath)/\(name)") }
        return files
    }

    private func keyID(ofSegment path: String) throws -> UInt32 {
        try Tamper.bytes(path).withUnsafeBytes { try SegmentFormat.decodeHeader($0, expectedID: UInt64(path.suffix(24).prefix(20))!).get().keyID }
    }

    private func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let needle = Array(needle.utf8)
        return haystack.indices.dropLast(needle.count).contains { haystack[$0..<($0 + needle.count)].elementsEqual(needle) }
    }

    @Test func recordsAreSealedOnDiskAndEveryReadDecryptsThem() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = configuration(scratch, current: Self.keyA)
        let (log, _, _) = try await openLog(configuration)
        let large = secret(99, size: 100 << 10)  // past the inline limit: the writer stages it whole to seal it
        let positions = try await log.append([LogRecord(type: 1, payload: secret(1))]) + log.append([LogRecord(type: 2, payload: large)])
            + log.append([LogRecord(type: 3, payload: ByteBuffer())])
        #expect(try log.read(at: positions[1]).payload == large)
        #expect(try log.read(at: positions[2]).payload.readableBytes == 0)
        #expect(log.records(from: .start).map { try! $0.get().payload } == [secret(1), large, ByteBuffer()])
        await log.close()

        let disk = try Tamper.bytes(scratch.segmentPath(1))
        #expect(!contains(disk, "confidential text"))
        #expect(try keyID(ofSegment: scratch.segmentPath(1)) == Self.keyA.id)
        let (reopened, _, visited) = try await openLog(configuration)
        #expect(visited.map(\.payload) == [secret(1), large, ByteBuffer()] && visited.map(\.type) == [1, 2, 3])
        #expect(visited.map(\.position) == positions)
        await reopened.close()
    }

    @Test(arguments: [false, true]) func aMissingOrWrongKeyStopsTheOpenAndChangesNothing(repair: Bool) async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let positions = try await write(configuration(scratch, current: Self.keyA), count: 400)  // several segments
        let last = scratch.segmentPath(positions.last!.segment)
        try Tamper.write([UInt8](repeating: 0x55, count: 100), to: last, at: try Tamper.size(last) - 100)  // a tail an open would cut
        try Files.write([1, 2, 3], to: "\(scratch.logPath)/99999999999999999999.seg.tmp")  // and a leftover it would delete
        let before = try snapshot(scratch)
        for keyring in [JobLogKeyring.plaintext, JobLogKeyring(current: Self.keyB), JobLogKeyring(current: nil, old: [Self.keyB])] {
            var configuration = scratch.configuration()
            configuration.keyring = keyring
            do {
                let (log, _, _) = try await openLog(configuration, repair: repair)
                await log.close()
                Issue.record("opened without key A (\(keyring.description))")
            } catch let error as JobLogError {
                guard case .encryption(let message) = error else { throw error }
                #expect(message.contains(Self.keyA.idText) && message.contains("Nothing was changed"))
            }
            #expect(try snapshot(scratch) == before)
        }
    }

    @Test func rotationReadsOldSegmentsWritesNewOnesUnderTheNewKeyAndCompactionRetiresTheOldKey() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let underA = try await write(configuration(scratch, current: Self.keyA), count: 300)
        let segmentsUnderA = Set(underA.map(\.segment))
        #expect(segmentsUnderA.count > 1)

        let rotated = configuration(scratch, current: Self.keyB, old: [Self.keyA])
        let (log, _, visited) = try await openLog(rotated)
        #expect(visited.map(\.payload) == (0..<300).map { secret($0) })
        let underB = try await log.append([LogRecord(type: 7, payload: secret(1000))])
        #expect(!segmentsUnderA.contains(underB[0].segment))  // a new segment, not the last one under A
        #expect(try keyID(ofSegment: scratch.segmentPath(underB[0].segment)) == Self.keyB.id)
        #expect(Array(log.records(from: .start)).count == 301)
        // Compaction as the job layer does it: copy what lives on, then remove the old segments.
        var copies: [ByteBuffer] = []
        for record in log.records(from: .start) where segmentsUnderA.contains(try record.get().position.segment) {
            let record = try record.get()
            if record.sequence % 2 == 0 {
                copies.append(record.payload)
                _ = try await log.append([LogRecord(type: record.type, payload: record.payload)])
            }
        }
        for segment in segmentsUnderA.sorted() { try log.removeSegment(segment) }
        await log.close()
        for name in try Files.names(inDirectory: scratch.logPath) where name.hasSuffix(".seg") {
            #expect(try keyID(ofSegment: "\(scratch.logPath)/\(name)") == Self.keyB.id)
        }

        let (final, _, survivors) = try await openLog(configuration(scratch, current: Self.keyB))
        #expect(survivors.map(\.payload) == [secret(1000)] + copies)
        await final.close()
    }

    @Test func aPlaintextLogSwitchesToEncryptionAndBack() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let plain = try await write(configuration(scratch, current: nil), count: 5)
        #expect(contains(try Tamper.bytes(scratch.segmentPath(1)), "confidential text"))

        let sealed = try await write(configuration(scratch, current: Self.keyA), count: 5, from: 5)
        #expect(sealed[0].segment == plain[0].segment + 1)  // new records in a segment of their own
        #expect(try keyID(ofSegment: scratch.segmentPath(1)) == 0 && keyID(ofSegment: scratch.segmentPath(2)) == Self.keyA.id)
        #expect(!contains(try Tamper.bytes(scratch.segmentPath(2)), "confidential text"))
        #expect(await openError(configuration(scratch, current: nil)).map { if case .encryption = $0 { true } else { false } } == true)

        // Encryption off again, with the key kept to read: new records are plaintext again.
        let back = try await write(configuration(scratch, current: nil, old: [Self.keyA]), count: 5, from: 10)
        #expect(try keyID(ofSegment: scratch.segmentPath(back[0].segment)) == 0 && back[0].segment == 3)
        let (log, _, visited) = try await openLog(configuration(scratch, current: Self.keyA))
        #expect(visited.map(\.payload) == (0..<15).map { secret($0) })
        #expect(visited.map(\.position) == plain + sealed + back)
        await log.close()
    }

    /// The torn-tail test of `RecoveryTests`, in an encrypted segment: recovery tells a torn
    /// tail by the CRC, without the key, and the append that follows reuses the torn offset and
    /// sequence under a fresh nonce.
    @Test(arguments: [true, false]) func aTornTailInAnEncryptedSegmentIsCutAtEveryByte(preallocate: Bool) async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = configuration(scratch, current: Self.keyA, preallocate: preallocate)
        let positions = try await write(configuration, count: 5)
        let path = scratch.segmentPath(1)
        let pristine = try Tamper.bytes(path)
        let start = Int(positions[4].offset)
        let end = start + SegmentFormat.recordHeaderSize + 400 + RecordSeal.overhead
        var nonces: Set<[UInt8]> = []
        for cut in start..<end {
            try Tamper.restore(path, to: pristine)
            if preallocate {
                try Tamper.write([UInt8](repeating: 0, count: end - cut), to: path, at: cut)
            } else {
                try Tamper.truncate(path, to: cut)
            }
            let (log, report, visited) = try await openLog(configuration)
            #expect(visited.map(\.position) == Array(positions[0..<4]), "cut at \(cut)")
            #expect(visited.map(\.payload) == (0..<4).map { secret($0) })
            #expect((report.truncatedTail != nil) == pristine[start..<cut].contains { $0 != 0 }, "cut at \(cut)")
            if cut % 37 == 0 {
                #expect(try await log.append([LogRecord(type: 1, payload: secret(4))]) == [positions[4]])
                await log.close()
                let bytes = try Tamper.bytes(path)
                nonces.insert(Array(bytes[(start + SegmentFormat.recordHeaderSize)..<(start + SegmentFormat.recordHeaderSize + 12)]))
                let (again, cleanReport, revisited) = try await openLog(configuration)
                #expect(revisited.map(\.payload) == (0..<5).map { secret($0) } && cleanReport.truncatedTail == nil)
                await again.close()
            } else {
                await log.close()
            }
        }
        #expect(nonces.count == (start..<end).filter { $0 % 37 == 0 }.count)  // the same offset and sequence, never the same nonce
    }

    @Test(arguments: [false, true]) func anAlteredSealedRecordWithAMatchingChecksumIsRefusedEvenByRepair(repair: Bool) async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = configuration(scratch, current: Self.keyA)
        let positions = try await write(configuration, count: 3)
        let path = scratch.segmentPath(1)
        let offset = Int(positions[1].offset)
        var bytes = try Tamper.bytes(path)
        bytes[offset + SegmentFormat.recordHeaderSize + 20] ^= 1
        let header = bytes[offset...].withUnsafeBytes { RecordHeader(parsing: $0) }
        let fixed = bytes[(offset + SegmentFormat.recordHeaderSize)..<(offset + SegmentFormat.recordHeaderSize + Int(header.length))].withUnsafeBytes {
            RecordHeader(type: header.type, flags: header.flags, sequence: header.sequence, payload: $0)
        }
        var headerBytes = [UInt8](repeating: 0, count: SegmentFormat.recordHeaderSize)
        headerBytes.withUnsafeMutableBytes { fixed.write(to: $0.baseAddress!) }
        try Tamper.write(headerBytes, to: path, at: offset)
        try Tamper.write([UInt8](bytes[(offset + SegmentFormat.recordHeaderSize)...].prefix(Int(header.length))), to: path, at: offset + SegmentFormat.recordHeaderSize)
        let before = try snapshot(scratch)
        await #expect(throws: JobLogError.self) { _ = try await openLog(configuration, repair: repair) }
        #expect(try snapshot(scratch) == before)
    }

    @Test func aSealedRecordOpensOnlyWhereItWasWritten() throws {
        let sealer = RecordSealer(key: Self.keyA)
        let opener = RecordOpener(keyring: JobLogKeyring(current: Self.keyA))
        let text = secret(1, size: 64)
        let flags = RecordHeader.commitFlag | RecordHeader.encryptedFlag
        var sealed = ByteBuffer(capacity: 64 + RecordSeal.overhead)
        _ = sealed.writeWithUnsafeMutableBytes(minimumWritable: 64 + RecordSeal.overhead) { out in
            text.withUnsafeReadableBytes { sealer.seal($0, segment: 3, offset: 400, type: 9, flags: flags, sequence: 12, into: out) }
            return 64 + RecordSeal.overhead
        }
        func opens(segment: UInt64 = 3, offset: Int = 400, type: UInt8 = 9, sequence: UInt64 = 12) -> Bool {
            var payload = sealed
            let header = payload.withUnsafeReadableBytes { RecordHeader(type: type, flags: flags, sequence: sequence, payload: $0) }
            guard (try? opener.open(&payload, header: header, segment: segment, offset: offset, keyID: Self.keyA.id)) != nil else { return false }
            return payload == text
        }
        #expect(opens())
        #expect(!opens(segment: 4))
        #expect(!opens(offset: 420))
        #expect(!opens(type: 8))
        #expect(!opens(sequence: 13))
    }
}

/// Keys from files and the environment.
@Suite struct JobLogKeyTests {
    private let scratch = ScratchDirectory()

    private func keyFile(_ contents: [UInt8], mode: mode_t = 0o600) throws -> String {
        let path = "\(scratch.path)/key-\(contents.count)-\(mode)"
        try Files.write(contents, to: path, mode: mode)
        chmod(path, mode)
        return path
    }

    @Test func aKeyFileHoldsHexDigitsOrRawBytes() throws {
        defer { scratch.remove() }
        let raw = (0..<32).map { UInt8($0 * 7) }
        let hex = raw.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        let fromHex = try JobLogKey.load(file: keyFile(Array((hex + "\n").utf8)))
        let fromRaw = try JobLogKey.load(file: keyFile(raw, mode: 0o400))
        #expect(fromHex == fromRaw && fromHex.bytes == raw)
        #expect(try JobLogKey(decoding: Array(hex.uppercased().utf8), source: "test") == fromHex)
        let zeros = try JobLogKey(bytes: [UInt8](repeating: 0, count: 32))
        #expect(fromHex.id != 0 && fromHex.id != zeros.id)
        #expect(fromHex.idText.count == 8)
    }

    @Test func badKeyFilesAreClearErrors() throws {
        defer { scratch.remove() }
        func message(_ body: () throws -> Any) -> String {
            do {
                _ = try body()
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message { try JobLogKey.load(file: keyFile([UInt8](repeating: 1, count: 32), mode: 0o644)) }.contains("chmod 600"))
        #expect(message { try JobLogKey.load(file: keyFile(Array("abcd\n".utf8))) }.contains("64 hex digits or 32 raw bytes"))
        #expect(message { try JobLogKey.load(file: keyFile(Array(String(repeating: "zz", count: 32).utf8))) }.contains("64 hex digits"))
        #expect(message { try JobLogKey.load(file: "\(scratch.path)/missing") }.contains("cannot read the key file"))
        let hex = String(repeating: "ab", count: 32)
        #expect(message { try JobLogKeyring.configured(keyFile: keyFile(Array(hex.utf8)), environmentKey: hex, oldKeyFiles: []) }
            .contains("give one"))
        let keyring = try JobLogKeyring.configured(keyFile: nil, environmentKey: hex, oldKeyFiles: [keyFile([UInt8](repeating: 3, count: 32))])
        #expect(keyring.current?.bytes == [UInt8](repeating: 0xAB, count: 32) && keyring.old.count == 1)
    }
}
