import AuraBytes
import AuraSchema
import AuraWire
import Testing
import TestSupport

/// The three wire control payloads keep a hand-tuned codec in AuraWire (they decode straight
/// into `Metadata` on every call); these tests hold that codec to aura.proto the way the
/// generated ones are held: random messages from the schema round-trip to the same bytes.
@Suite struct WirePayloadTests {
    @Test func callHeadersAgreeWithTheSchema() throws {
        try check(CallHeaders.self, "aura.CallHeaders")
    }

    @Test func callTrailersAgreeWithTheSchema() throws {
        // A code outside 0-16 is read as UNKNOWN by design (SPEC.md), so the check keeps to 0-16.
        try check(CallTrailers.self, "aura.CallTrailers") { message in
            if case .uint32(let code)? = message["code"] { try message.set("code", to: .uint32(code % 17)) }
        }
    }

    private func check<M: ProtoMessage>(
        _ type: M.Type, _ name: String, adjust: (inout DynamicMessage) throws -> Void = { _ in }
    ) throws {
        let schema = ProtoSchema.aura
        let descriptor = try #require(schema.message(named: name))
        var random = RandomDynamicMessage(schema: schema, random: SplitMix64(seed: 17))
        for _ in 0..<300 {
            var dynamic = random.make(descriptor)
            try adjust(&dynamic)
            let bytes = dynamic.encoded()
            let decoded = try M(decoding: bytes)
            #expect(decoded.encoded() == bytes, "\(name): \(dynamic)")
        }
    }
}
