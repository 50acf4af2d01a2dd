import AuraBackup
import AuraPosix

/// `--restore DIR`: makes the backup in `backup` the data directory `target`, then returns the
/// exit status (0, or 1 with the reason on stderr). The server does not start: check the
/// result, then start it as usual.
func restore(from backup: String, to target: String, force: Bool) -> Int32 {
    do {
        let report = try BackupRestore.restore(from: backup, to: target, force: force, nowUnixMs: WallClock.microseconds() / 1000)
        let manifest = report.manifest
        StandardStream.out(
            "restored \(manifest.entries.count) files (\(manifest.totalBytes) bytes, every SHA-256 verified) from \(backup) into \(target); "
                + "the backup was taken at \(manifest.createdUnixMs) ms since 1970")
        if let setAside = report.setAside { StandardStream.out("the former contents of \(target) are in \(setAside)") }
        return 0
    } catch {
        StandardStream.error("aura-server: restore failed: \(error)")
        return 1
    }
}
