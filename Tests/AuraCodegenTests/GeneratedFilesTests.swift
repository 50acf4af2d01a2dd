import AuraCodegen
import AuraSchema
import Foundation
import Testing

/// The checked-in generated files are what the generator makes of today's schemas, so the
/// schema and the code cannot drift apart.
@Suite struct GeneratedFilesTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: GeneratorOptions.all.map(\.outputPath))
    func checkedInFileMatchesAFreshGeneration(_ outputPath: String) throws {
        let options = try #require(GeneratorOptions.all.first { $0.outputPath == outputPath })
        let root = Self.packageRoot
        let schemaText = try String(contentsOf: root.appendingPathComponent(options.schemaPath), encoding: .utf8)
        let schema = try ProtoSchema(parsing: schemaText, fileName: options.schemaPath)
        let fresh = try MessageGenerator(schema: schema, options: options).render()
        // Written to a temporary folder and compared byte for byte, as `aura-protoc --check` does.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("aura-protoc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let freshFile = folder.appendingPathComponent("generated.swift")
        try fresh.write(to: freshFile, atomically: true, encoding: .utf8)
        let checkedIn = try Data(contentsOf: root.appendingPathComponent(options.outputPath))
        #expect(try Data(contentsOf: freshFile) == checkedIn, "\(options.outputPath) is stale: run `swift run aura-protoc`")
    }

    @Test func aMessageHoldingItselfIsRefusedByName() throws {
        let schema = try ProtoSchema(parsing: """
            syntax = "proto3";
            package loop;
            message A { B b = 1; }
            message B { A a = 1; }
            """)
        let error = #expect(throws: CodegenError.self) {
            _ = try MessageGenerator(schema: schema, options: GeneratorOptions(schemaPath: "loop.proto", outputPath: "loop.swift"))
        }
        #expect(error?.message.contains("loop.A contains itself through loop.A -> loop.B -> loop.A") == true, "\(error?.message ?? "")")
    }

    @Test func excludedMessagesAndTheirNestedTypesAreLeftOut() throws {
        let schema = try ProtoSchema(parsing: """
            syntax = "proto3";
            package p;
            message Kept { int32 a = 1; }
            message Left { message Inner { int32 b = 1; } Inner inner = 1; }
            """)
        let swift = try MessageGenerator(
            schema: schema, options: GeneratorOptions(schemaPath: "p.proto", outputPath: "p.swift", excludedMessages: ["p.Left"])
        ).render()
        #expect(swift.contains("public struct Kept: GeneratedMessage"))
        #expect(!swift.contains("struct Left"))
        #expect(!swift.contains("struct Inner"))
        #expect(swift.contains("\"p.Kept\": Kept.self"))
        #expect(!swift.contains("\"p.Left"))
    }

    @Test func schemaCommentsBecomeDocComments() throws {
        let schema = try ProtoSchema(parsing: """
            syntax = "proto3";
            package p;
            // ----------
            // A note about the section.

            // What a thing is.
            message Thing {
              // The first line.
              // The second line.
              int32 count = 1;
              string name = 2;  // After the field.
            }
            """)
        let swift = try MessageGenerator(schema: schema, options: GeneratorOptions(schemaPath: "p.proto", outputPath: "p.swift")).render()
        #expect(swift.contains("/// What a thing is.\npublic struct Thing"))
        #expect(swift.contains("    /// The first line.\n    /// The second line.\n    public var count: Int32 = 0"))
        #expect(swift.contains("    /// After the field.\n    public var name: String = \"\""))
        #expect(!swift.contains("section"))
    }
}
