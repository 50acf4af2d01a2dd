/// What the generator writes: from which schema, into which file, with which imports.
public struct GeneratorOptions: Sendable {
    /// The schema's path from the package root, named in the generated file's header.
    public var schemaPath: String
    /// The generated file's path from the package root.
    public var outputPath: String
    /// The modules the generated file imports.
    public var imports: [String] = ["AuraBytes", "AuraProto"]
    /// Full names of messages not generated (with the types nested in them), because another
    /// module holds a hand-tuned codec for them.
    public var excludedMessages: Set<String> = []
    /// The access level of the generated types: public for a module's API, internal for a
    /// module's own storage formats.
    public var accessLevel: AccessLevel = .public
    /// The name of the enum that lists every generated type (`byName`).
    public var registryName = "GeneratedMessages"

    /// The access levels the generator writes.
    public enum AccessLevel: String, Sendable {
        /// `public`.
        case `public`
        /// `internal`.
        case `internal`
    }

    /// Creates options.
    public init(
        schemaPath: String, outputPath: String, imports: [String] = ["AuraBytes", "AuraProto"],
        excludedMessages: Set<String> = [], accessLevel: AccessLevel = .public, registryName: String = "GeneratedMessages"
    ) {
        self.schemaPath = schemaPath
        self.outputPath = outputPath
        self.imports = imports
        self.excludedMessages = excludedMessages
        self.accessLevel = accessLevel
        self.registryName = registryName
    }

    /// `Protocol/aura.proto` into `Sources/AuraMessages/aura.pb.swift`. The three wire control
    /// payloads (SPEC.md section 4) are left to `AuraWire`, which decodes them straight into its
    /// `Metadata` on the hot path; `Tests/AuraWireTests` checks them against the schema.
    public static let auraMessages = GeneratorOptions(
        schemaPath: "Protocol/aura.proto", outputPath: "Sources/AuraMessages/aura.pb.swift",
        excludedMessages: ["aura.MetadataEntry", "aura.CallHeaders", "aura.CallTrailers"])

    /// The generator's own test schema, compiled into `AuraCodegenTests`.
    public static let codegenFixture = GeneratorOptions(
        schemaPath: "Tests/AuraCodegenTests/Fixtures/everything.proto",
        outputPath: "Tests/AuraCodegenTests/everything.pb.swift")

    /// `Protocol/joblog.proto`, the payloads of the job log's records, internal to `AuraJobs`.
    public static let jobLogRecords = GeneratorOptions(
        schemaPath: "Protocol/joblog.proto", outputPath: "Sources/AuraJobs/Records/joblog.pb.swift",
        accessLevel: .internal, registryName: "JobLogRecordTypes")

    /// Every file `aura-protoc` writes.
    public static let all: [GeneratorOptions] = [.auraMessages, .codegenFixture, .jobLogRecords]
}

/// A schema the generator cannot turn into Swift.
public struct CodegenError: Error, Equatable, CustomStringConvertible {
    /// What is wrong, naming the declaration.
    public let message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }

    /// The message.
    public var description: String { message }
}
