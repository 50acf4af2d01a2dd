import AuraBytes
import AuraPosix
import Glibc
import Testing
@testable import AuraJobLog

/// A small tmpfs mounted for one test, so the disk really fills; needs root (CAP_SYS_ADMIN).
struct SmallFileSystem {
    let path: String

    /// Whether this process may mount a tmpfs (probed once by mounting one).
    static let isPermitted: Bool = {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        guard mount("tmpfs", scratch.path, "tmpfs", 0, "size=64k") == 0 else { return false }
        umount2(scratch.path, 0)
        return true
    }()

    init(at path: String, size: String) throws {
        self.path = path
        try Files.createDirectories(path)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(size)") == 0 else { throw SystemError(call: "mount", errno: errno) }
    }

    func unmount() { umount2(path, CInt(MNT_DETACH)) }
}

@Suite(.enabled(if: SmallFileSystem.isPermitted, "skipped: mounting a tmpfs is not permitted here (needs root)"))
struct DiskFullTests {
    @Test(arguments: [true, false]) func aFullDiskFailsAppendsLosesNothingAcknowledgedAndRecoversWhenSpaceFrees(preallocate: Bool) async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let disk = try SmallFileSystem(at: "\(scratch.path)/disk", size: "2m")
        defer { disk.unmount() }
        var configuration = JobLogConfiguration(directory: "\(disk.path)/joblog")
        configuration.segmentSize = 256 << 10
        configuration.preallocate = preallocate
        let (log, _, _) = try await openLog(configuration)

        var acknowledged: [(LogPosition, Int)] = []
        var failure: JobLogError?
        for index in 0..<400 where failure == nil {
            do {
                let position = try await log.append([LogRecord(type: 1, payload: payload(16 << 10, seed: index))])
                acknowledged.append((position[0], index))
            } catch {
                failure = error
            }
        }
        guard case .diskFull(let detail)? = failure else {
            Issue.record("expected .diskFull, got \(String(describing: failure))")
            await log.close()
            return
        }
        #expect(detail.contains("No space left on device"))
        #expect(acknowledged.count > 50)
        // Failing again is fine; what was acknowledged stays readable.
        await #expect(throws: JobLogError.self) { try await log.append([LogRecord(type: 1, payload: payload(16 << 10, seed: 999))]) }
        for (position, seed) in acknowledged { #expect(try log.read(at: position).payload == payload(16 << 10, seed: seed)) }

        // Compaction frees space; appends work again.
        for segment in log.segments.dropLast().prefix(3) { try log.removeSegment(segment.id) }
        let kept = acknowledged.filter { $0.0.segment > log.segments.first!.id - 1 }
        let after = try await log.append([LogRecord(type: 1, payload: payload(16 << 10, seed: 1000))])
        await log.close()

        let (reopened, report, visited) = try await openLog(configuration)
        #expect(visited.map(\.position) == kept.map(\.0) + after)
        #expect(report.truncatedTail == nil && report.dropped.isEmpty)
        await reopened.close()
    }
}
