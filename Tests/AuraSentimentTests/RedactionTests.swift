import AuraMessages
import AuraPluginHost
import AuraSentiment
import AuraWire
import Testing

/// Redaction fails closed and walks the text once.
@Suite struct RedactionTests {
    let redaction = Redaction(hashKey: Array(repeating: 5, count: 32))

    @Test(arguments: [
        [DetectedEntity(type: "X", begin: 2, end: 40, score: 1)],  // past the end
        [DetectedEntity(type: "X", begin: 4, end: 6, score: 1), DetectedEntity(type: "X", begin: 0, end: 2, score: 1)],  // out of order
        [DetectedEntity(type: "X", begin: 0, end: 4, score: 1), DetectedEntity(type: "X", begin: 3, end: 6, score: 1)],  // overlapping
        [DetectedEntity(type: "X", begin: 3, end: 3, score: 1)],  // empty
    ])
    func entitiesThatCannotBeTrustedNeverYieldText(entities: [DetectedEntity]) {
        let error = #expect(throws: RPCError.self) { try redaction.apply(to: "héllo wörld", entities: entities, mode: .mask) }
        #expect(error?.code == .internal)
    }

    @Test func oneEntityPerScalarOfALongTextIsRedactedWhole() throws {
        let text = String(repeating: "é", count: 5_000)
        let entities = (0..<5_000).map { DetectedEntity(type: "E", begin: $0, end: $0 + 1, score: 1) }
        #expect(try redaction.apply(to: text, entities: entities, mode: .mask) == String(repeating: "*", count: 5_000))
        #expect(try redaction.apply(to: text, entities: entities, mode: .replaceWithType) == String(repeating: "[E]", count: 5_000))
    }

    @Test func textAroundAndBetweenEntitiesIsKept() throws {
        let entities = [DetectedEntity(type: "A", begin: 1, end: 2, score: 1), DetectedEntity(type: "B", begin: 3, end: 5, score: 1)]
        #expect(try redaction.apply(to: "😀x😀yz😀", entities: entities, mode: .replaceWithType) == "😀[A]😀[B]😀")
    }
}
