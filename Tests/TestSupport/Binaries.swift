import Foundation

/// Finds the executables the tests run: next to the running test binary (so that
/// `swift test --scratch-path` and `-c release` use their own build), else in
/// `<package>/.build/debug`, found from this file's path.
public enum Binaries {
    /// A binary that is not built: the test fails with this message rather than skipping.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
    }

    /// The path of executable product `name`, or `Missing`.
    public static func path(of name: String, filePath: String = #filePath) throws -> String {
        let candidates = searchDirectories(filePath: filePath).map { $0.appendingPathComponent(name).path }
        if let found = candidates.first(where: FileManager.default.isExecutableFile(atPath:)) {
            return found
        }
        throw Missing(description: "no \(name) binary at \(candidates.joined(separator: " or ")); build it with `swift build` (swift test builds it too)")
    }

    /// The path of the package's plugin `name`, e.g. "LexiconSentiment" for
    /// `libAuraPluginLexiconSentiment.so`, or `Missing`.
    public static func plugin(_ name: String, filePath: String = #filePath) throws -> String {
        let file = "libAuraPlugin\(name).so"
        let candidates = searchDirectories(filePath: filePath).map { $0.appendingPathComponent(file).path }
        if let found = candidates.first(where: FileManager.default.fileExists(atPath:)) {
            return found
        }
        throw Missing(description: "no plugin \(file) at \(candidates.joined(separator: " or ")); build it with `swift build`")
    }

    private static func searchDirectories(filePath: String) -> [URL] {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let packageRoot = URL(fileURLWithPath: filePath)
            .deletingLastPathComponent()  // TestSupport
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
        return [testBinary, packageRoot.appendingPathComponent(".build/debug")]
    }
}
