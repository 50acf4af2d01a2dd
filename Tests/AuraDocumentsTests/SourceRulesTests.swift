import Foundation
import Testing

@Suite struct SourceRulesTests {
    /// The module is pure Swift: it must not import Foundation (it runs on every byte uploaded).
    @Test func theModuleDoesNotImportFoundation() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/AuraDocuments")
        let files = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 5)
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("import Foundation"), "\(file)")
        }
    }
}
