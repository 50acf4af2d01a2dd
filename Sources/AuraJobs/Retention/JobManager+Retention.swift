import AuraJobLog
import AuraMessages

extension JobManager {
    /// Retires jobs past their retention time, abandons uploads that stayed incomplete too long,
    /// then removes the segments that hold nothing live. Crash-safe: the records that make data
    /// dead are durable before any file goes, and a segment is removed whole; appends go on
    /// meanwhile (removal is one unlink and a directory sync, on the pool).
    public func sweep() async {
        let now = nowUnixMs
        let retention = Int64(configuration.retention.components.seconds) * 1000
        let expiry = Int64(configuration.uploadExpiry.components.seconds) * 1000
        let (retire, abandon) = store.read { table -> ([String], [String]) in
            let retire = table.jobs.values.filter { job in
                if case .ended = job.phase { return now - job.completedUnixMs >= retention }
                return false
            }.map(\.id)
            let abandon = table.uploads.values.filter { $0.phase == .receiving && now - $0.createdUnixMs >= expiry }.map(\.id)
            return (retire, abandon)
        }
        var entries = retire.map { JobLogEntry.jobRetired(JobRetired(jobId: $0, timeUnixMs: now)) }
        for uploadID in abandon where store.claimUpload(uploadID) {
            entries.append(.uploadAbandoned(UploadAbandoned(uploadId: uploadID, reason: "incomplete for longer than the upload expiry")))
            store.releaseUpload(uploadID)
        }
        do {
            if !entries.isEmpty { try await store.append(entries) }
            try await removeDeadSegments()
        } catch {
            log("job log sweep: \(error)")
        }
    }

    /// Removes every closed segment outside the live ranges, oldest first.
    func removeDeadSegments() async throws {
        let segments = store.log.segments.dropLast().map(\.id)  // never the one being written
        let live = store.read { $0.liveRanges }
        let dead = segments.filter { segment in !live.contains { $0.contains(segment) } }
        guard !dead.isEmpty else { return }
        log("job log: removing \(dead.count) segment(s) holding only retired jobs and abandoned uploads")
        try await pool.run { [store] in
            for segment in dead { try store.log.removeSegment(segment) }
        }
        if let oldest = store.log.segments.first?.id {
            store.forget(before: oldest)
        }
        log("job log: removed \(dead.count) segment(s)")
    }
}
