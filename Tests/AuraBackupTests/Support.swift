import AuraPosix
import Foundation

/// A fresh folder under /tmp for one test, removed with everything in it by `remove()`.
struct Scratch {
    let path: String

    init() {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("aura-backup-tests-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `relative` in the folder (its folders created) and returns the path.
    @discardableResult
    func write(_ text: String, to relative: String) throws -> String {
        let url = URL(fileURLWithPath: "\(path)/\(relative)")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The text of `relative`, nil when absent.
    func read(_ relative: String) -> String? {
        (try? Data(contentsOf: URL(fileURLWithPath: "\(path)/\(relative)"))).map { String(decoding: $0, as: UTF8.self) }
    }
}
