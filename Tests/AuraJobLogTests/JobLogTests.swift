import AuraBytes
import AuraPosix
import Glibc
import Testing
@testable import AuraJobLog

@Suite struct JobLogTests {
    @Test func recordsOfEverySizeRoundTripThroughAppendReadAndReopen() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 1 << 20, maxRecordSize: 1 << 20)
        let sizes = [0, 1, 19, 20, 21, 4095, 4096, 32 << 10, (32 << 10) + 1, 100_000, 1 << 20]
        let (log, report, visited) = try await openLog(configuration)
        #expect(visited.isEmpty && report.records == 0 && report.truncatedTail == nil)
        var written: [(LogPosition, LogRecord)] = []
        for (index, size) in sizes.enumerated() {
            let record = LogRecord(type: UInt8(index), payload: payload(size, seed: index))
            let positions = try await log.append([record])
            #expect(positions.count == 1)
            written.append((positions[0], record))
        }
        for (position, record) in written {
            let stored = try log.read(at: position)
            #expect(stored.type == record.type && stored.payload == record.payload && stored.position == position)
        }
        await log.close()

        let (reopened, again, revisited) = try await openLog(configuration)
        #expect(again.records == sizes.count && again.truncatedTail == nil && again.dropped.isEmpty)
        #expect(revisited.map(\.position) == written.map(\.0))
        #expect(revisited.map(\.payload) == written.map(\.1.payload))
        #expect(revisited.map(\.sequence) == Array(1...UInt64(sizes.count)))
        let next = try await reopened.append([LogRecord(type: 1, payload: payload(10, seed: 99))])
        #expect(next[0] > written.last!.0)
        await reopened.close()
    }

    @Test func oneAppendsRecordsAreConsecutiveAndInOneSegment() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let (log, _, _) = try await openLog(scratch.configuration(segmentSize: 4096))
        _ = try await log.append([LogRecord(type: 1, payload: payload(3000, seed: 1))])
        let records = (0..<5).map { LogRecord(type: 2, payload: payload(300, seed: $0)) }
        let positions = try await log.append(records)
        #expect(Set(positions.map(\.segment)).count == 1)
        #expect(positions[0].segment == 2)  // did not fit after the first record: went to the next segment
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $1.offset == $0.offset + 320 })
        await log.close()
    }

    @Test func appendsRollAcrossManySegmentsAndReadBackInOrder() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 8 << 10)
        let (log, _, _) = try await openLog(configuration)
        var positions: [LogPosition] = []
        for index in 0..<200 {
            positions += try await log.append([LogRecord(type: 3, payload: payload(index * 7 % 1500, seed: index))])
        }
        let segments = log.segments
        #expect(segments.count > 10)
        #expect(segments.map(\.id) == Array(1...UInt64(segments.count)))
        #expect(segments.allSatisfy { $0.bytes <= configuration.segmentSize })
        #expect(log.endPosition.segment == segments.last!.id && log.endPosition.offset == UInt64(segments.last!.bytes))
        let all = try log.records(from: .start).map { try $0.get() }
        #expect(all.map(\.position) == positions)
        #expect(all.map(\.sequence) == Array(1...200))
        let fromMiddle = try log.records(from: positions[150]).map { try $0.get().position }
        #expect(fromMiddle == Array(positions[150...]))
        #expect(try log.records(from: log.endPosition).map { try $0.get() }.isEmpty)
        await log.close()
        let (reopened, report, visited) = try await openLog(configuration)
        #expect(report.segments == segments.count && visited.map(\.position) == positions)
        await reopened.close()
    }

    @Test func concurrentAppendersAreAllAcknowledgedWithDistinctReadablePositions() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let (log, _, _) = try await openLog(scratch.configuration(segmentSize: 256 << 10))
        let acknowledged = try await withThrowingTaskGroup(of: [(LogPosition, Int)].self) { group in
            for task in 0..<64 {
                group.addTask {
                    var mine: [(LogPosition, Int)] = []
                    for round in 0..<10 {
                        let seed = task * 1000 + round
                        let positions = try await log.append([LogRecord(type: 4, payload: payload(1000 + seed % 3000, seed: seed))])
                        mine.append((positions[0], seed))
                    }
                    return mine
                }
            }
            return try await group.reduce(into: []) { $0 += $1 }
        }
        #expect(acknowledged.count == 640)
        #expect(Set(acknowledged.map(\.0)).count == 640)
        for (position, seed) in acknowledged {
            #expect(try log.read(at: position).payload == payload(1000 + seed % 3000, seed: seed))
        }
        #expect(log.syncStats.count >= 1 && log.syncStats.count <= 640)
        await log.close()
    }

    @Test func removeSegmentDeletesAClosedSegmentAndRecoveryAcceptsTheGap() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 4096)
        let (log, _, _) = try await openLog(configuration)
        var positions: [LogPosition] = []
        for index in 0..<12 { positions += try await log.append([LogRecord(type: 1, payload: payload(1500, seed: index))]) }
        let usage = log.diskUsage
        try log.removeSegment(2)
        try log.removeSegment(1)
        #expect(log.diskUsage < usage)
        #expect(access(scratch.segmentPath(2), F_OK) != 0)
        #expect(throws: JobLogError.self) { try log.removeSegment(2) }
        #expect(throws: JobLogError.self) { try log.removeSegment(log.endPosition.segment) }  // the current one
        #expect(throws: JobLogError.self) { try log.read(at: positions[0]) }
        try log.removeSegment(4)
        let kept = positions.filter { $0.segment != 1 && $0.segment != 2 && $0.segment != 4 }
        #expect(try log.records(from: .start).map { try $0.get().position } == kept)
        await log.close()
        let (reopened, report, visited) = try await openLog(configuration)
        #expect(visited.map(\.position) == kept)
        #expect(report.missingSegments == [4...4])
        #expect(try await reopened.append([LogRecord(type: 1, payload: payload(10, seed: 1))])[0].segment == positions.last!.segment)
        await reopened.close()
    }

    @Test func removingEveryOlderSegmentKeepsSequencesIncreasing() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 4096)
        let (log, _, _) = try await openLog(configuration)
        for index in 0..<6 { _ = try await log.append([LogRecord(type: 1, payload: payload(3000, seed: index))]) }
        for segment in log.segments.dropLast() { try log.removeSegment(segment.id) }
        await log.close()
        let (reopened, _, visited) = try await openLog(configuration)
        #expect(visited.map(\.sequence) == [6])
        let next = try await reopened.append([LogRecord(type: 1, payload: payload(3000, seed: 9))])
        #expect(try reopened.read(at: next[0]).sequence == 7)
        await reopened.close()
    }

    @Test func tooLargeRecordsAndAppendsAreRefusedBeforeAnythingIsWritten() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let (log, _, _) = try await openLog(scratch.configuration(segmentSize: 64 << 10, maxRecordSize: 100_000))
        await #expect(throws: JobLogError.recordTooLarge(100_001, limit: 100_000)) {
            try await log.append([LogRecord(type: 1, payload: payload(100_001, seed: 1))])
        }
        // A single record larger than a segment gets a segment of its own.
        let big = try await log.append([LogRecord(type: 1, payload: payload(100_000, seed: 2))])
        #expect(try log.read(at: big[0]).payload == payload(100_000, seed: 2))
        // Several records together must fit in one segment.
        await #expect(throws: JobLogError.self) {
            try await log.append([LogRecord(type: 1, payload: payload(40_000, seed: 3)), LogRecord(type: 1, payload: payload(40_000, seed: 4))])
        }
        #expect(try await log.append([]).isEmpty)
        await log.close()
    }

    @Test func closeWritesWhatIsQueuedAndEveryAcknowledgedAppendIsRecovered() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration(segmentSize: 16 << 10)
        let (log, _, _) = try await openLog(configuration)
        let appends = (0..<40).map { (index: Int) -> Task<LogPosition?, Never> in
            Task { () -> LogPosition? in
                do throws(JobLogError) {
                    return try await log.append([LogRecord(type: 1, payload: payload(2000, seed: index))])[0]
                } catch {
                    #expect(error == .closed)
                    return nil
                }
            }
        }
        await log.close()
        var acknowledged: [LogPosition] = []
        for append in appends { if let position = await append.value { acknowledged.append(position) } }
        let (reopened, _, visited) = try await openLog(configuration)
        #expect(Set(acknowledged).isSubset(of: Set(visited.map(\.position))))
        #expect(visited.count == acknowledged.count)  // nothing written that was not acknowledged
        await reopened.close()
    }

    @Test func appendAfterCloseFails() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let (log, _, _) = try await openLog(scratch.configuration())
        await log.close()
        await log.close()
        await #expect(throws: JobLogError.closed) { try await log.append([LogRecord(type: 1, payload: payload(1, seed: 1))]) }
    }

    @Test func aMissingDirectoryIsCreatedAndAnEmptyOneStartsALog() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        var configuration = scratch.configuration()
        configuration.directory = "\(scratch.path)/a/b/joblog"
        let (log, report, _) = try await openLog(configuration)
        #expect(report.segments == 0 && log.segments.map(\.id) == [1])
        await log.close()
        #expect(access("\(scratch.path)/a/b/joblog/00000000000000000001.seg", F_OK) == 0)

        try Files.createDirectories(scratch.logPath)
        let (empty, emptyReport, _) = try await openLog(scratch.configuration())
        #expect(emptyReport.records == 0 && empty.endPosition == LogPosition(segment: 1, offset: 40))
        await empty.close()
    }

    @Test func readAtAPositionThatIsNoRecordFails() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let (log, _, _) = try await openLog(scratch.configuration())
        let position = try await log.append([LogRecord(type: 1, payload: payload(100, seed: 1))])[0]
        #expect(throws: JobLogError.self) { try log.read(at: LogPosition(segment: 1, offset: position.offset + 1)) }
        #expect(throws: JobLogError.self) { try log.read(at: log.endPosition) }
        #expect(throws: JobLogError.self) { try log.read(at: LogPosition(segment: 9, offset: 40)) }
        await log.close()
    }
}
