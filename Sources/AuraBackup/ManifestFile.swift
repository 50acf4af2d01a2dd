import AuraMessages

/// A backup's `MANIFEST`: when it was taken and every file with its size and SHA-256. Text,
/// one file a line, so `sha256sum` can check it by hand:
///
///     aurastream-backup 1
///     created-unix-ms 1764517200000
///     file 3f5a...(64 hex digits) 1048576 joblog/00000000000000000001.seg
public struct ManifestFile: Sendable, Equatable {
    /// One file of the backup.
    public struct Entry: Sendable, Equatable {
        /// Relative to the data directory.
        public let path: String
        /// Its size in bytes.
        public let size: Int
        /// Its SHA-256, lowercase hex.
        public let sha256: String
    }

    /// The manifest's file name in a backup folder.
    public static let name = "MANIFEST"
    /// The largest manifest read (a data directory of thousands of segments is far below it).
    static let maxSize = 16 << 20
    private static let header = "aurastream-backup 1"

    /// When the snapshot was taken, in milliseconds since 1970.
    public let createdUnixMs: Int64
    /// The files, in the order they were copied.
    public let entries: [Entry]

    /// The manifest a server sent, checked: safe relative paths, each once, well-formed digests.
    public init(_ manifest: BackupManifest) throws(BackupError) {
        try self.init(
            createdUnixMs: manifest.createdUnixMs,
            entries: manifest.files.map { Entry(path: $0.path, size: Int(clamping: $0.size), sha256: $0.sha256) })
    }

    init(createdUnixMs: Int64, entries: [Entry]) throws(BackupError) {
        var seen: Set<String> = []
        for entry in entries {
            guard BackupPath.isSafe(entry.path) else { throw BackupError("the manifest names an unsafe path \"\(entry.path)\"") }
            guard seen.insert(entry.path).inserted else { throw BackupError("the manifest names \(entry.path) twice") }
            guard entry.sha256.count == 64, entry.sha256.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                throw BackupError("the manifest's SHA-256 of \(entry.path) is not 64 lowercase hex digits")
            }
        }
        self.createdUnixMs = createdUnixMs
        self.entries = entries
    }

    /// Parses the text of a `MANIFEST` file.
    public init(parsing text: String) throws(BackupError) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard lines.first.map(String.init) == Self.header else { throw BackupError("not an AuraStream backup manifest (the first line is not \"\(Self.header)\")") }
        guard lines.count >= 2, lines[1].hasPrefix("created-unix-ms "), let created = Int64(lines[1].dropFirst("created-unix-ms ".count)) else {
            throw BackupError("manifest line 2: expected created-unix-ms N")
        }
        var entries: [Entry] = []
        for (index, line) in lines.enumerated().dropFirst(2) {
            let fields = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, fields[0] == "file", let size = Int(fields[2]), size >= 0 else {
                throw BackupError("manifest line \(index + 1): expected file SHA256 SIZE PATH")
            }
            entries.append(Entry(path: String(fields[3]), size: size, sha256: String(fields[1])))
        }
        try self.init(createdUnixMs: created, entries: entries)
    }

    /// The text of the `MANIFEST` file.
    public var text: String {
        ([Self.header, "created-unix-ms \(createdUnixMs)"] + entries.map { "file \($0.sha256) \($0.size) \($0.path)" })
            .joined(separator: "\n") + "\n"
    }

    /// The bytes of every file together.
    public var totalBytes: Int { entries.reduce(0) { $0 + $1.size } }
}
