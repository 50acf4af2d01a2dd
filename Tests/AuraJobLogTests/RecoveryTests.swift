import AuraBytes
import AuraPosix
import Testing
@testable import AuraJobLog

/// Damage injected into real segment files: what recovery keeps, reports and refuses.
@Suite struct RecoveryTests {
    /// Writes `count` single-record appends (payload sizes vary) and closes the log.
    private func writeLog(_ configuration: JobLogConfiguration, count: Int, size: Int = 300) async throws -> [LogPosition] {
        let (log, _, _) = try await openLog(configuration)
        var positions: [LogPosition] = []
        for index in 0..<count {
            positions += try await log.append([LogRecord(type: UInt8(index % 256), payload: payload(size + index % 7, seed: index))])
        }
        await log.close()
        return positions
    }

    /// With preallocation a torn write leaves zeros after what reached the disk; without it the
    /// file ends there. Either way, at every byte of the last record.
    @Test(arguments: [true, false]) func aTornTailAtEveryByteOfTheLastRecordIsCutAndReported(preallocate: Bool) async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(preallocate: preallocate)
        let positions = try await writeLog(configuration, count: 5, size: 40)
        let path = scratch.segmentPath(1)
        let pristine = try Tamper.bytes(path)
        let start = Int(positions[4].offset)
        let end = start + SegmentFormat.recordHeaderSize + 40 + 4
        for cut in start..<end {
            try Tamper.restore(path, to: pristine)
            if preallocate {
                try Tamper.write([UInt8](repeating: 0, count: end - cut), to: path, at: cut)
            } else {
                try Tamper.truncate(path, to: cut)
            }
            let (log, report, visited) = try await openLog(configuration)
            #expect(visited.map(\.position) == Array(positions[0..<4]), "cut at \(cut)")
            let nonZero = pristine[start..<cut].lastIndex { $0 != 0 }.map { $0 + 1 - start }
            if let dropped = nonZero {
                #expect(report.truncatedTail?.offset == UInt64(start) && report.truncatedTail?.droppedBytes == dropped, "cut at \(cut)")
            } else {
                #expect(report.truncatedTail == nil, "cut at \(cut)")
            }
            if cut % 8 == 0 {  // the log goes on from the cut: a new append lands where the torn record was
                #expect(try await log.append([LogRecord(type: 1, payload: payload(5, seed: cut))]) == [positions[4]])
                await log.close()
                let (again, cleanReport, revisited) = try await openLog(configuration)
                #expect(revisited.count == 5 && cleanReport.truncatedTail == nil)
                await again.close()
            } else {
                await log.close()
            }
        }
    }

    @Test func garbageOrZerosAfterTheLastRecordAreATornTail() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(preallocate: false)
        let positions = try await writeLog(configuration, count: 3)
        let path = scratch.segmentPath(1)
        let end = try Tamper.size(path)
        try Tamper.write([UInt8](repeating: 0, count: 1000), to: path, at: end)
        var (log, report, visited) = try await openLog(configuration)
        #expect(visited.count == 3 && report.truncatedTail == nil)  // zeros: the unwritten part, left as it is
        await log.close()

        var generator = SplitMix(seed: 5)
        let garbage = (0..<1000).map { _ in UInt8.random(in: 1...255, using: &generator) }
        try Tamper.write(garbage, to: path, at: end)
        (log, report, visited) = try await openLog(configuration)
        #expect(visited.map(\.position) == positions)
        #expect(report.truncatedTail?.offset == UInt64(end) && report.truncatedTail?.droppedBytes == 1000)
        #expect(try Tamper.size(path) == end)
        await log.close()
    }

    @Test func anAppendCutShortIsDroppedWhole() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(preallocate: false)
        let (log, _, _) = try await openLog(configuration)
        let first = try await log.append([LogRecord(type: 1, payload: payload(100, seed: 1))])
        let batch = try await log.append((0..<3).map { LogRecord(type: 2, payload: payload(100, seed: 10 + $0)) })
        await log.close()
        // Lose the last record of the three: the other two were never acknowledged either.
        try Tamper.truncate(scratch.segmentPath(1), to: Int(batch[2].offset) + 50)
        let (reopened, report, visited) = try await openLog(configuration)
        #expect(visited.map(\.position) == first)
        #expect(report.truncatedTail?.offset == batch[0].offset)
        await reopened.close()
    }

    @Test func aFlippedBitInAMiddleRecordIsCorruptionNamingSegmentAndOffset() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration()
        let positions = try await writeLog(configuration, count: 9)
        let victim = positions[4]
        for byte in [0, 4, 9, 12, 25, 200] {  // CRC, length, flags, sequence, payload
            let path = scratch.segmentPath(1)
            let pristine = try Tamper.bytes(path)
            try Tamper.flipBit(path, at: Int(victim.offset) + byte)
            let error = await openError(configuration)
            guard case .corrupt(let segment, let offset, let reason)? = error else {
                Issue.record("byte \(byte): open gave \(String(describing: error))")
                continue
            }
            #expect(segment == "00000000000000000001.seg" && offset == victim.offset, "byte \(byte): \(reason)")
            try Tamper.restore(path, to: pristine)
        }
    }

    @Test func repairKeepsEveryIntactRecordReportsTheDroppedOneAndTheNextOpenIsClean() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration()
        let positions = try await writeLog(configuration, count: 9)
        try Tamper.flipBit(scratch.segmentPath(1), at: Int(positions[4].offset) + 100)
        let (log, report, visited) = try await openLog(configuration, repair: true)
        #expect(visited.map(\.position) == positions.filter { $0 != positions[4] })
        #expect(report.dropped.count == 1)
        #expect(report.dropped.first?.contains("bytes \(positions[4].offset)..<\(positions[5].offset)") == true)
        #expect(report.dropped.first?.contains("checksum mismatch") == true)
        #expect(try log.read(at: positions[5]).payload == payload(300 + 5 % 7, seed: 5))
        #expect(throws: JobLogError.self) { try log.read(at: positions[4]) }
        #expect(try log.records(from: .start).map { try $0.get().position } == visited.map(\.position))
        await log.close()
        let saved = try Tamper.bytes("\(scratch.logPath)/00000000000000000001.seg.dropped-\(positions[4].offset)")
        #expect(saved.count == Int(positions[5].offset - positions[4].offset))

        let (again, cleanReport, revisited) = try await openLog(configuration)
        #expect(revisited.map(\.position) == visited.map(\.position) && cleanReport.dropped.isEmpty && cleanReport.truncatedTail == nil)
        await again.close()
    }

    @Test func zeroedBytesBeforeMoreRecordsAreCorruptionNotTheEnd() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration()
        let positions = try await writeLog(configuration, count: 5)
        let length = Int(positions[3].offset - positions[2].offset)
        try Tamper.write([UInt8](repeating: 0, count: length), to: scratch.segmentPath(1), at: Int(positions[2].offset))
        guard case .corrupt(_, let offset, _)? = await openError(configuration) else {
            Issue.record("a zeroed record followed by more was not refused")
            return
        }
        #expect(offset == positions[2].offset)
    }

    @Test func damageInAClosedSegmentIsCorruptionEvenAtItsEnd() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 4096)
        let positions = try await writeLog(configuration, count: 30)
        let lastOfFirst = positions.filter { $0.segment == 1 }.last!
        try Tamper.flipBit(scratch.segmentPath(1), at: Int(lastOfFirst.offset) + 30)
        guard case .corrupt(let segment, let offset, _)? = await openError(configuration) else {
            Issue.record("damage at the end of a closed segment was taken for a torn tail")
            return
        }
        #expect(segment == "00000000000000000001.seg" && offset == lastOfFirst.offset)
        let (log, report, visited) = try await openLog(configuration, repair: true)
        #expect(visited.map(\.position) == positions.filter { $0 != lastOfFirst })
        #expect(report.dropped.count == 1 && report.truncatedTail == nil)
        await log.close()
        #expect(await openError(configuration) == nil)
    }

    @Test func aFlippedBitInASegmentHeaderIsCorruptionAndRepairRewritesTheHeader() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 4096)
        let positions = try await writeLog(configuration, count: 30)
        try Tamper.flipBit(scratch.segmentPath(2), at: 20)
        guard case .corrupt(let segment, 0, _)? = await openError(configuration) else {
            Issue.record("a damaged segment header was accepted")
            return
        }
        #expect(segment == "00000000000000000002.seg")
        let (log, report, visited) = try await openLog(configuration, repair: true)
        #expect(visited.map(\.position) == positions)
        #expect(report.dropped.count == 1 && report.dropped[0].contains("header rewritten"))
        await log.close()
        #expect(await openError(configuration) == nil)
    }

    @Test func aMissingMiddleSegmentIsReportedNotRefused() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 4096)
        let positions = try await writeLog(configuration, count: 60)
        try Files.remove(scratch.segmentPath(3))
        let (log, report, visited) = try await openLog(configuration)
        #expect(visited.map(\.position) == positions.filter { $0.segment != 3 })
        #expect(report.missingSegments == [3...3])
        #expect(report.description.contains("segments missing: 3"))
        await log.close()
    }

    @Test func leftoverTemporaryFilesAreRemoved() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration()
        _ = try await writeLog(configuration, count: 120)
        // Past half of its segment, the writer prepares the next one: it is there, unnamed, after close.
        #expect(try Files.names(inDirectory: scratch.logPath).contains { $0.hasSuffix(".tmp") })
        let (log, _, _) = try await openLog(configuration)
        await log.close()
        let names = try Files.names(inDirectory: scratch.logPath).filter { $0.hasSuffix(".seg") }
        #expect(names == ["00000000000000000001.seg"])
    }
}

extension Tamper {
    /// Restores the file at `destination` to `bytes` (no sync: the test process reads it back).
    static func restore(_ destination: String, to bytes: [UInt8]) throws {
        try RandomAccessFile.open(destination, create: true, truncate: true).write(bytes, at: 0)
    }
}
