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
        let claimed = abandon.filter { store.claimUpload($0) }
        defer { for uploadID in claimed { store.releaseUpload(uploadID) } }  // held until the records are applied
        entries += claimed.map {
            .uploadAbandoned(UploadAbandoned(uploadId: $0, reason: "incomplete for longer than the upload expiry"))
        }
        do {
            // Small appends: after a long stop many jobs may retire at once, and one append must
            // fit a segment.
            for start in stride(from: 0, to: entries.count, by: 512) {
                try await store.append(Array(entries[start..<min(start + 512, entries.count)]))
            }
            try await removeDeadSegments()
        } catch {
            log("job log sweep: \(error)")
        }
    }

    /// Removes the oldest closed segments while they hold nothing live, and stops at the first
    /// that does (or that an append in flight may still land in). Removing only a prefix of the
    /// log keeps replay exact: whatever began in the removed part was retired or abandoned, and
    /// a record the table has not applied yet is never in it. Nothing is removed while a backup
    /// holds the segments (a hold that begins meanwhile makes the removal fail, EBUSY).
    func removeDeadSegments() async throws {
        guard !store.log.segmentsHeld else { return log("job log: compaction waits for the backup in progress") }
        let closed = store.log.segments.dropLast().map(\.id)  // never the one being written
        let live = store.read { $0.liveRanges }
        let floor = store.oldestSegmentInFlight ?? .max
        let dead = closed.prefix { segment in segment < floor && !live.contains { $0.contains(segment) } }
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

    /// Holds the job log's segments as they are now, for a backup (`SegmentHold`): compaction
    /// waits until the hold is released.
    public func holdJobLogSegments() -> SegmentHold { store.log.holdSegments() }
}
