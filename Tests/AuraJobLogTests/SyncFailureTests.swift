import AuraBytes
import AuraPosix
import Glibc
import Testing
@testable import AuraJobLog

/// A failing `fdatasync`, injected: what the appenders see, and what recovery finds after.
@Suite struct SyncFailureTests {
    /// Fails the next sync with the error set by the test, once.
    final class FailingSync: @unchecked Sendable {
        private let lock = Lock()
        private var pending: CInt?

        func failNext(with code: CInt) { lock.withLock { pending = code } }

        func synchronize(_ file: RandomAccessFile) throws(SystemError) {
            let code = lock.withLock { () -> CInt? in
                defer { pending = nil }
                return pending
            }
            if let code { throw SystemError(call: "fdatasync", errno: code) }
            try file.synchronizeData()
        }
    }

    private func open(_ configuration: JobLogConfiguration, sync: FailingSync) async throws -> JobLog {
        try await onOwnThread { try JobLog.open(configuration, repair: false, synchronize: sync.synchronize, visit: { _ in }).0 }
    }

    @Test func aSyncFailingWithENOSPCFailsTheBatchCutsItOffAndTheLogGoesOn() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration()
        let sync = FailingSync()
        let log = try await open(configuration, sync: sync)
        let first = try await log.append([LogRecord(type: 1, payload: payload(100, seed: 1))])
        sync.failNext(with: ENOSPC)
        let full = JobLogError.diskFull(SystemError(call: "fdatasync", errno: ENOSPC).description)
        await #expect(throws: full) { try await log.append([LogRecord(type: 1, payload: payload(100, seed: 2))]) }
        #expect(log.endPosition.offset == first[0].offset + 120)  // the failed record is gone
        let third = try await log.append([LogRecord(type: 1, payload: payload(100, seed: 3))])
        #expect(third[0].offset == first[0].offset + 120)
        await log.close()
        let (reopened, _, visited) = try await openLog(configuration)
        #expect(visited.map(\.payload) == [payload(100, seed: 1), payload(100, seed: 3)])
        await reopened.close()
    }

    @Test func aSyncFailingWithEIOStopsTheLogUntilItIsReopened() async throws {
        let scratch = ScratchDirectory()
        defer { scratch.remove() }
        let configuration = scratch.configuration()
        let sync = FailingSync()
        let log = try await open(configuration, sync: sync)
        _ = try await log.append([LogRecord(type: 1, payload: payload(100, seed: 1))])
        sync.failNext(with: EIO)
        let eio = JobLogError.io(SystemError(call: "fdatasync", errno: EIO))
        await #expect(throws: eio) { try await log.append([LogRecord(type: 1, payload: payload(100, seed: 2))]) }
        await #expect(throws: eio) { try await log.append([LogRecord(type: 1, payload: payload(100, seed: 3))]) }
        await log.close()
        let (reopened, _, visited) = try await openLog(configuration)
        #expect(visited.map(\.payload) == [payload(100, seed: 1)])
        _ = try await reopened.append([LogRecord(type: 1, payload: payload(100, seed: 4))])
        await reopened.close()
    }
}
