import AuraBackup
import AuraBackupService
import AuraBytes
import AuraClient
import AuraJobLog
import AuraMessages
import AuraServer
import Synchronization
import TestSupport
import Testing

/// A backup streamed by a real server (aura.Admin/Backup) while appends go on, written by
/// `BackupReceiver`, restored by `BackupRestore`, and the restored log opened again.
@Suite struct BackupRoundTripTests {
    @Test func aBackupTakenWhileAppendsGoOnHoldsEveryRecordAcknowledgedBeforeItAndNoTornOne() async throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let data = "\(scratch.path)/data"
        try scratch.write("{\"plugins\": []}", to: "data/plugins.json")
        try scratch.write(String(repeating: "k", count: 32), to: "data/redaction.key")
        try scratch.write("mapped copy", to: "data/plugins-run/x.so")
        try scratch.write("half written", to: "data/keys.json.tmp")
        var logConfiguration = JobLogConfiguration(directory: "\(data)/joblog")
        logConfiguration.segmentSize = 16 << 10
        let (log, _) = try JobLog.open(logConfiguration) { _ in }

        func record(_ index: Int) -> LogRecord {
            LogRecord(type: 1, payload: ByteBuffer(bytes: Array("record \(index) ".utf8) + [UInt8](repeating: UInt8(index % 251), count: 900)))
        }
        for index in 0..<60 { _ = try await log.append([record(index)]) }
        let acknowledgedBefore = 60
        let stop = Atomic<Bool>(false)
        let appender = Task {
            var index = acknowledgedBefore
            while !stop.load(ordering: .relaxed) {
                _ = try await log.append([record(index)])
                index += 1
            }
            return index
        }

        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 1
        let server = Server(configuration: configuration, services: [BackupService(dataDirectory: data) { log.holdSegments() }])
        let backup = "\(scratch.path)/backup"
        let manifest = try await withRunningServer(server) { client in
            let call = try await client.serverStreaming("aura.Admin/Backup", BackupRequest(), as: BackupChunk.self)
            let receiver = try BackupReceiver(directory: backup)
            for try await chunk in call.responses { try receiver.receive(chunk) }
            return try receiver.finish()
        }
        stop.store(true, ordering: .relaxed)
        let appended = try await appender.value
        await log.close()
        #expect(!log.segmentsHeld)
        #expect(appended > acknowledgedBefore)

        let paths = manifest.entries.map(\.path)
        #expect(paths.contains("plugins.json") && paths.contains("redaction.key"))
        #expect(!paths.contains { $0.hasPrefix("plugins-run") || $0.hasSuffix(".tmp") })
        #expect(paths.filter { $0.hasPrefix("joblog/") }.count >= 3)

        let report = try BackupRestore.restore(from: backup, to: "\(scratch.path)/restored", force: false, nowUnixMs: 1)
        #expect(report.setAside == nil && report.manifest == manifest)
        #expect(scratch.read("restored/plugins.json") == "{\"plugins\": []}")
        var restoredConfiguration = logConfiguration
        restoredConfiguration = JobLogConfiguration(directory: "\(scratch.path)/restored/joblog")
        restoredConfiguration.segmentSize = logConfiguration.segmentSize
        var restored: [ByteBuffer] = []
        let (reopened, recovery) = try JobLog.open(restoredConfiguration) { restored.append($0.payload) }
        await reopened.close()
        #expect(recovery.truncatedTail == nil && recovery.dropped.isEmpty)
        #expect(restored.count >= acknowledgedBefore && restored.count <= appended)
        #expect(restored == (0..<restored.count).map { record($0).payload })
    }
}
