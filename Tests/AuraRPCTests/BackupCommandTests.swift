import Foundation
import Synchronization
import TestSupport
import Testing

/// `aura-rpc admin backup` against a real aura-server while jobs keep arriving, then
/// `aura-server --restore` and a server started on the restored data.
@Suite struct BackupCommandTests {
    /// The ids of jobs acknowledged so far, in order, by a client that keeps submitting.
    final class Submitted: Sendable {
        let ids = Mutex<[String]>([])
        let stop = Atomic<Bool>(false)
        var count: Int { ids.withLock { $0.count } }
    }

    @Test func aBackupTakenWhileJobsArriveRestoresEveryJobAcknowledgedBeforeIt() async throws {
        let server = try await ServerProcess.start(arguments: ["--job-segment-mb", "1"], conformance: false)
        defer { server.stop() }
        let document = try JobDocuments.write(JobDocuments.lines, to: "reviews.txt", in: server)
        let submitted = Submitted()
        let submitter = Task {
            while !submitted.stop.load(ordering: .relaxed) {
                let id = try await submitJob(document, on: server)
                submitted.ids.withLock { $0.append(id) }
            }
        }
        defer { submitted.stop.store(true, ordering: .relaxed) }
        try await waitUntil("three jobs are acknowledged") { submitted.count >= 3 }

        let acknowledgedBefore = submitted.ids.withLock { $0 }
        let backup = server.dataDirectory.deletingLastPathComponent().appendingPathComponent("aura-backup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: backup) }
        let taken = try await auraRPC(["admin", "backup", backup.path], on: server, timeout: 60)
        try #require(taken.status == 0, "\(taken)")
        #expect(taken.stdout.contains("every SHA-256 verified"), "\(taken)")
        let countAfterBackup = submitted.count
        try await waitUntil("a job is acknowledged after the backup") { submitted.count > countAfterBackup }
        submitted.stop.store(true, ordering: .relaxed)
        try await submitter.value
        let acknowledgedDuring = Array(submitted.ids.withLock { $0 }[acknowledgedBefore.count...])

        var expected: [String: String] = [:]
        for id in acknowledgedBefore {
            #expect(try await auraRPC(["watch", id], on: server, timeout: 60).status == 0)
            expected[id] = try await auraRPC(["results", id], on: server).stdout
        }
        server.stop()

        let restored = server.dataDirectory.deletingLastPathComponent().appendingPathComponent("aura-restored-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: restored) }
        let restore = try await auraServerCommand(["--restore", backup.path, "--data-dir", restored.path])
        try #require(restore.status == 0, "\(restore)")
        let again = try await auraServerCommand(["--restore", backup.path, "--data-dir", restored.path])
        #expect(again.status == 1 && again.stderr.contains("is not empty"), "\(again)")

        let second = try await ServerProcess.start(dataDirectory: restored, conformance: false)
        defer { second.stop() }
        for id in acknowledgedBefore {
            #expect(try await auraRPC(["watch", id], on: second, timeout: 60).status == 0, "job \(id) acknowledged before the backup")
            let results = try await auraRPC(["results", id], on: second)
            #expect(results.status == 0 && results.stdout == expected[id] && results.lines.count == 3, "\(results)")
        }
        var present = 0
        for id in acknowledgedDuring {
            let job = try await auraRPC(["job", id], on: second)
            if job.status == 5 { continue }  // NOT_FOUND: acknowledged after the snapshot was taken
            present += 1
            #expect(try await auraRPC(["watch", id], on: second, timeout: 60).status == 0, "job \(id)")
            let results = try await auraRPC(["results", id], on: second)
            #expect(results.status == 0 && results.lines.count == 3, "job \(id) acknowledged during the backup: \(results)")
        }
        print("backup under load: \(acknowledgedBefore.count) jobs before, \(acknowledgedDuring.count) during or after (\(present) in the backup)")
    }
}

/// Waits, polling every 10 ms for at most 60 s, until `condition` holds.
func waitUntil(_ what: String, _ condition: @escaping @Sendable () -> Bool) async throws {
    let came = await onOwnThread {
        let deadline = Date().addingTimeInterval(60)
        while !condition() {
            if Date() > deadline { return false }
            usleep(10_000)
        }
        return true
    }
    try #require(came, "timed out waiting until \(what)")
}
