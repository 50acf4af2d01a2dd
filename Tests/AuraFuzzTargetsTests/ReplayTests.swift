import AuraFuzzTargets
import Foundation
import Testing

/// Replays every checked-in fuzz input (fuzz/corpus/<target> and fuzz/regressions/<target>)
/// through the entry point libFuzzer drives, so the seeds keep working and a fixed crash stays
/// fixed without a fuzzer.
@Suite struct ReplayTests {
    /// The repository's fuzz/ folder, found from this file's path.
    static let fuzzFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fuzz")

    static var targetNames: [String] { FuzzTargets.all.map { $0.name } }

    /// The files of `fuzz/<folder>/<target>`, sorted.
    static func inputs(_ folder: String, _ target: String) -> [URL] {
        let directory = fuzzFolder.appendingPathComponent(folder).appendingPathComponent(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { directory.appendingPathComponent($0) }
    }

    @Test(arguments: targetNames)
    func everyTargetHasAHarnessAndSeeds(_ name: String) {
        let harness = Self.fuzzFolder.appendingPathComponent(name).appendingPathComponent("main.swift")
        #expect(FileManager.default.fileExists(atPath: harness.path), "fuzz/\(name)/main.swift is missing")
        #expect(!Self.inputs("corpus", name).isEmpty, "fuzz/corpus/\(name) holds no seed")
    }

    @Test(arguments: targetNames)
    func corpusAndRegressionsRunClean(_ name: String) throws {
        let target = try #require(FuzzTargets.all.first { $0.name == name })
        for file in Self.inputs("corpus", name) + Self.inputs("regressions", name) {
            let bytes = try [UInt8](Data(contentsOf: file))
            let failure = Self.failure(of: target, on: bytes)
            #expect(failure == nil, "fuzz/*/\(name)/\(file.lastPathComponent): \(failure ?? "")")
        }
    }

    /// What `target` reports for `bytes`, or nil when it runs clean.
    static func failure(of target: any FuzzTarget.Type, on bytes: [UInt8]) -> String? {
        bytes.withUnsafeBytes { input -> String? in
            do {
                try target.run(input)
                return nil
            } catch {
                return "\(error)"
            }
        }
    }
}
