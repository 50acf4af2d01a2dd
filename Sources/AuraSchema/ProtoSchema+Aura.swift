extension ProtoSchema {
    /// The schema of `Protocol/aura.proto`, embedded in the library, parsed on first use.
    ///
    /// A test checks that the embedded text equals the file, and another that it parses, so
    /// the force here cannot fail in a build whose tests pass.
    public static let aura: ProtoSchema = {
        do {
            return try ProtoSchema(parsing: EmbeddedSchema.auraProto, fileName: "aura.proto")
        } catch {
            fatalError("the embedded aura.proto does not parse: \(error)")
        }
    }()
}
