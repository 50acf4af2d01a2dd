import AuraBytes
import AuraPosix
import Glibc
import Testing
@testable import AuraJobLog

/// What a backup relies on: a hold lists every segment with its durable end, keeps them all
/// from removal until released, and the bytes before those ends never change while the log
/// goes on.
@Suite struct SegmentHoldTests {
    @Test func aHoldKeepsEverySegmentUntilReleasedAndItsBytesStayAsTheyWere() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let (log, _, _) = try await openLog(scratch.configuration(segmentSize: 16 << 10))
        for index in 0..<12 { _ = try await log.append([LogRecord(type: 1, payload: payload(3000, seed: index))]) }
        let hold = log.holdSegments()
        #expect(hold.segments.map(\.id) == log.segments.map(\.id))
        #expect(hold.segments.map(\.bytes) == log.segments.map(\.bytes))
        #expect(hold.segments.count >= 3 && log.segmentsHeld)
        let before = try hold.segments.map { segment in
            try RandomAccessFile.open("\(hold.directory)/\(segment.fileName)", readOnly: true).read(count: segment.bytes, at: 0)
        }

        for index in 12..<24 { _ = try await log.append([LogRecord(type: 1, payload: payload(3000, seed: index))]) }
        #expect(throws: JobLogError.self) { try log.removeSegment(hold.segments[0].id) }
        let after = try hold.segments.map { segment in
            try RandomAccessFile.open("\(hold.directory)/\(segment.fileName)", readOnly: true).read(count: segment.bytes, at: 0)
        }
        #expect(after == before)

        hold.release()
        hold.release()  // a second release changes nothing
        #expect(!log.segmentsHeld)
        try log.removeSegment(hold.segments[0].id)
        #expect(log.segments.first?.id != hold.segments[0].id)
        await log.close()
    }
}
