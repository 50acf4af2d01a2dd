import AuraSchema
import Testing

@Suite("The embedded schema")
struct EmbeddedSchemaTests {
    @Test("EmbeddedSchema.auraProto is byte for byte Protocol/aura.proto (run Protocol/generate-embedded-schema.sh)")
    func matchesTheFile() throws {
        let file = try auraProtoFileBytes()
        #expect(Array(EmbeddedSchema.auraProto.utf8) == file)
    }

    @Test("ProtoSchema.aura parses it once and has the services")
    func parses() throws {
        let schema = try ProtoSchema(parsing: EmbeddedSchema.auraProto, fileName: "aura.proto")
        #expect(Set(schema.services.keys) == Set(ProtoSchema.aura.services.keys))
        #expect(ProtoSchema.aura.method(named: "aura.TestService/UnaryCall") != nil)
    }
}
