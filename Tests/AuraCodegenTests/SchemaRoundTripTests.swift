import AuraBytes
import AuraMessages
import AuraProto
import AuraSchema
import Foundation
import Testing
import TestSupport

/// Every generated message against `DynamicMessage`, which reads the same schema at run time:
/// what one encodes the other decodes to the same bytes, for random messages of every type.
@Suite struct SchemaRoundTripTests {
    static let auraSchema = ProtoSchema.aura
    static let fixtureSchema: ProtoSchema = {
        let path = GeneratedFilesTests.packageRoot.appendingPathComponent("Tests/AuraCodegenTests/Fixtures/everything.proto")
        return try! ProtoSchema(parsing: try! String(contentsOf: path, encoding: .utf8), fileName: "everything.proto")
    }()

    @Test func everyAuraMessageIsGenerated() {
        let expected = Set(Self.auraSchema.messages.keys).subtracting(["aura.MetadataEntry", "aura.CallHeaders", "aura.CallTrailers"])
        #expect(Set(AuraMessages.GeneratedMessages.byName.keys) == expected)
    }

    @Test(arguments: AuraMessages.GeneratedMessages.byName.keys.sorted())
    func auraMessageAgreesWithTheSchema(_ name: String) throws {
        try Self.checkAgreement(AuraMessages.GeneratedMessages.byName[name]!, name: name, schema: Self.auraSchema)
    }

    @Test(arguments: GeneratedMessages.byName.keys.sorted())
    func fixtureMessageAgreesWithTheSchema(_ name: String) throws {
        try Self.checkAgreement(GeneratedMessages.byName[name]!, name: name, schema: Self.fixtureSchema)
    }

    /// 200 random messages: dynamic bytes decode into the generated type and encode back to the
    /// same bytes; the generated type's own encoding decodes dynamically to the same message.
    static func checkAgreement(_ type: any GeneratedMessage.Type, name: String, schema: ProtoSchema) throws {
        let descriptor = try #require(schema.message(named: name))
        var random = RandomDynamicMessage(schema: schema, random: SplitMix64(seed: UInt64(name.utf8.count) &* 7919))
        for _ in 0..<200 {
            let dynamic = random.make(descriptor)
            let bytes = dynamic.encoded()
            let reencoded = try roundTrip(type, bytes)
            #expect(reencoded == bytes, "\(name): \(dynamic)")
            let back = try DynamicMessage(decoding: reencoded, as: descriptor, in: schema)
            #expect(back == dynamic, "\(name)")
        }
    }

    private static func roundTrip<M: GeneratedMessage>(_ type: M.Type, _ bytes: ByteBuffer) throws -> ByteBuffer {
        let message = try M(decoding: bytes)
        #expect(try M(decoding: message.encoded()) == message)
        return message.encoded()
    }
}
