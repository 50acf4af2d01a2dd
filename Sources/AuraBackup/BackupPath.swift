/// The paths a backup holds: relative to the data directory, `/`-separated, never leaving it.
package enum BackupPath {
    /// Whether `path` is a plain relative path: no leading `/`, no empty, `.` or `..`
    /// component, no control characters, not the manifest's own name.
    package static func isSafe(_ path: String) -> Bool {
        guard !path.isEmpty, path.utf8.count < 4096, !path.hasPrefix("/"), path != ManifestFile.name else { return false }
        guard !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// The folders `path` lies in, outermost first (`a/b/c` gives `a`, `a/b`).
    package static func parents(of path: String) -> [String] {
        let components = path.split(separator: "/").dropLast()
        return components.indices.map { components[...$0].joined(separator: "/") }
    }
}
