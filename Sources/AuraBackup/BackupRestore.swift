import AuraPosix
import Glibc

/// `aura-server --restore DIR --data-dir TARGET`: a backup folder made by `aura-rpc admin
/// backup` becomes a data directory.
///
/// The files are copied into `TARGET.restoring`, each checked against the manifest (size and
/// SHA-256, computed on the copy, so both the backup and the copy are verified) and synced;
/// only then does that folder become `TARGET`, by rename. A target that holds anything is
/// refused unless `force`, which keeps its contents as `TARGET.before-restore-<ms>`: a
/// restore never deletes data.
public enum BackupRestore {
    /// What a restore did.
    public struct Report: Sendable {
        /// The backup's manifest.
        public let manifest: ManifestFile
        /// Where the target's former contents went, when `force` set them aside.
        public let setAside: String?
    }

    /// Reads and checks the manifest of the backup in `backup`.
    public static func manifest(of backup: String) throws(BackupError) -> ManifestFile {
        let path = "\(backup)/\(ManifestFile.name)"
        let bytes = try BackupError.during("read \(path)") { () throws(SystemError) in try Files.read(path, limit: ManifestFile.maxSize) }
        guard let bytes else { throw BackupError("\(backup) has no \(ManifestFile.name): not a backup, or one that did not finish") }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw BackupError("\(path) is not text") }
        return try ManifestFile(parsing: text)
    }

    /// Restores the backup in `backup` as the data directory `target`.
    public static func restore(from backup: String, to target: String, force: Bool, nowUnixMs: Int64) throws(BackupError) -> Report {
        let manifest = try manifest(of: backup)
        let target = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
        let targetNames = try BackupError.during("look at \(target)") { () throws(SystemError) -> [String]? in
            switch try Files.kind(of: target) {
            case nil: return nil
            case .directory: return try Files.names(inDirectory: target)
            case .file, .other: throw SystemError(call: "stat \(target)", errno: ENOTDIR)
            }
        }
        if let targetNames, !targetNames.isEmpty, !force {
            throw BackupError("\(target) is not empty: restore into a new or empty folder, or add --force to keep its contents aside as \(target).before-restore-<time>")
        }
        let staging = target + ".restoring"
        guard try BackupError.during("look at \(staging)", { () throws(SystemError) in try Files.kind(of: staging) }) == nil else {
            throw BackupError("\(staging) exists (left by an interrupted restore?): remove it and try again")
        }
        try copy(manifest, from: backup, to: staging)
        var setAside: String?
        try BackupError.during("move the restored files to \(target)") { () throws(SystemError) in
            if let targetNames {
                if targetNames.isEmpty {
                    try Files.removeDirectory(target)
                } else {
                    setAside = "\(target).before-restore-\(nowUnixMs)"
                    try Files.rename(target, to: setAside!)
                }
            }
            try Files.rename(staging, to: target)
            try Files.synchronizeDirectory(Durable.folder(of: target))
        }
        return Report(manifest: manifest, setAside: setAside)
    }

    private static func copy(_ manifest: ManifestFile, from backup: String, to staging: String) throws(BackupError) {
        try BackupError.during("create \(staging)") { () throws(SystemError) in try Files.createDirectories(staging) }
        for entry in manifest.entries {
            let source = "\(backup)/\(entry.path)", copy = "\(staging)/\(entry.path)"
            let (size, sha256) = try BackupError.during("copy \(source) (the restore is left in \(staging))") { () throws(SystemError) in
                for parent in BackupPath.parents(of: entry.path) { try Files.createDirectories("\(staging)/\(parent)") }
                try Files.copy(from: source, to: copy, mode: 0o600)
                return try Durable.digest(of: copy, sync: true)
            }
            guard size == entry.size, sha256 == entry.sha256 else {
                throw BackupError("\(source) does not match the manifest (\(size) bytes, SHA-256 \(sha256); expected \(entry.size) bytes, \(entry.sha256)): the backup is damaged; nothing was restored (the partial copy is in \(staging))")
            }
        }
        try BackupError.during("sync \(staging)") { () throws(SystemError) in try Durable.synchronizeFolders(of: manifest.entries.map(\.path), in: staging) }
    }
}
