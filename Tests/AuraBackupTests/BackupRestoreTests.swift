import AuraBackup
import Testing

/// Restore verifies every file, never writes over data, and keeps what it replaces.
@Suite struct BackupRestoreTests {
    /// A backup folder holding `state` = "hello" and its manifest.
    func makeBackup(in scratch: Scratch) throws -> String {
        try scratch.write("hello", to: "backup/state")
        try scratch.write("""
            aurastream-backup 1
            created-unix-ms 5
            file 2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824 5 state

            """, to: "backup/MANIFEST")
        return "\(scratch.path)/backup"
    }

    @Test func aTargetThatHoldsDataIsRefusedUnlessForcedAndThenKeptAside() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let backup = try makeBackup(in: scratch)
        try scratch.write("precious", to: "data/state")
        #expect { try BackupRestore.restore(from: backup, to: "\(scratch.path)/data", force: false, nowUnixMs: 9) } throws: {
            "\($0)".contains("is not empty")
        }
        #expect(scratch.read("data/state") == "precious")
        let report = try BackupRestore.restore(from: backup, to: "\(scratch.path)/data", force: true, nowUnixMs: 9)
        #expect(report.setAside == "\(scratch.path)/data.before-restore-9")
        #expect(scratch.read("data/state") == "hello" && scratch.read("data.before-restore-9/state") == "precious")
    }

    @Test func aDamagedOrUnfinishedBackupRestoresNothing() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let backup = try makeBackup(in: scratch)
        try scratch.write("hellO", to: "backup/state")
        #expect { try BackupRestore.restore(from: backup, to: "\(scratch.path)/data", force: false, nowUnixMs: 1) } throws: {
            "\($0)".contains("does not match the manifest")
        }
        #expect(scratch.read("data/state") == nil)
        try scratch.write("x", to: "half/f")
        #expect { try BackupRestore.restore(from: "\(scratch.path)/half", to: "\(scratch.path)/d2", force: false, nowUnixMs: 1) } throws: {
            "\($0)".contains("has no MANIFEST")
        }
    }

    @Test func manifestsAreParsedStrictly() {
        for text in [
            "not a manifest\n", "aurastream-backup 1\ncreated-unix-ms x\n",
            "aurastream-backup 1\ncreated-unix-ms 1\nfile abc 1 f\n",
            "aurastream-backup 1\ncreated-unix-ms 1\nfile \(String(repeating: "a", count: 64)) 1 ../f\n",
            "aurastream-backup 1\ncreated-unix-ms 1\nfile \(String(repeating: "a", count: 64)) 1 f\nfile \(String(repeating: "b", count: 64)) 2 f\n",
        ] {
            #expect(throws: BackupError.self) { try ManifestFile(parsing: text) }
        }
    }
}
