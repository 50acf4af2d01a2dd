import Foundation

/// Builds test plugins from `fixture_plugin.c.txt` with the system C compiler, one variant per
/// set of macros, into a temporary directory.
public struct PluginFixtures: Sendable {
    /// Where the variants go.
    public let directory: String

    /// Creates a fresh directory for this test run.
    public init() throws {
        directory = NSTemporaryDirectory() + "aura-fixtures-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    private static var root: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent() }

    /// Compiles a variant named `name` of `source` (a C file in this folder) with `defines`
    /// (e.g. ["FIXTURE_VERSION": "\"2.0.0\""]) and returns the .so's path.
    public func build(_ name: String, source: String = "fixture_plugin.c.txt", defines: [String: String] = [:]) throws -> String {
        let source = Self.root.appendingPathComponent("Tests/TestSupport/\(source)").path
        let include = Self.root.appendingPathComponent("Sources/CAuraPlugin/include").path
        let output = "\(directory)/\(name).so"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["cc", "-x", "c", "-shared", "-fPIC", "-O1", "-I", include, "-o", output, source]
            + defines.sorted { $0.key < $1.key }.map { "-D\($0.key)=\($0.value)" }
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw FixtureError("cc failed for \(name): \(text)")
        }
        return output
    }

    /// An analyzer variant `name@version` answering `label` (0 POSITIVE ... 3 MIXED).
    public func analyzer(name: String = "fixture", version: String, label: Int = 0) throws -> String {
        try build("\(name)-\(version)", defines: ["FIXTURE_NAME": "\"\(name)\"", "FIXTURE_VERSION": "\"\(version)\"", "FIXTURE_LABEL": "\(label)"])
    }

    /// A redactor variant that reports every "secret".
    public func redactor(version: String = "1.0.0") throws -> String {
        try build("redactor-\(version)", defines: ["FIXTURE_NAME": "\"fixture-redactor\"", "FIXTURE_VERSION": "\"\(version)\"", "FIXTURE_KIND": "2"])
    }

    /// A file with `contents` at `name` in the fixture directory.
    public func file(_ name: String, contents: String) throws -> String {
        let path = "\(directory)/\(name)"
        try contents.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Removes the directory.
    public func remove() { try? FileManager.default.removeItem(atPath: directory) }
}

/// A fixture that could not be built.
public struct FixtureError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
