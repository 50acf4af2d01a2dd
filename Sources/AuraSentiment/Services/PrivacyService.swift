import AuraMessages
import AuraServer
import AuraWire

/// `aura.Privacy`: find personal data in a text, or replace it.
public struct PrivacyService: Service {
    public let name = "aura.Privacy"
    let engine: SentimentEngine

    /// Creates the service.
    public init(engine: SentimentEngine) { self.engine = engine }

    public func register(into registry: inout MethodRegistry) {
        let engine = engine
        registry.unary("aura.Privacy/DetectPii") { (request: DetectPiiRequest, _) in
            try TextInput.validate(request.text)
            let redactor = try engine.plugins.plugin(.redactor, id: request.redactor)
            let entities = try await engine.guarded("aura.Privacy/DetectPii", request.text) { () async throws(RPCError) in
                try await redactor.entities(in: request.text)
            }
            return DetectPiiResponse(entities: entities.map(PiiEntity.init), redactor: redactor.info.id)
        }
        registry.unary("aura.Privacy/Redact") { (request: RedactRequest, _) in
            try TextInput.validate(request.text)
            let mask = try Self.maskCharacter(request.maskCharacter)
            guard request.mode.name != nil else {
                throw RPCError(.invalidArgument, "unknown redaction mode \(request.mode.rawValue)")
            }
            let redactor = try engine.plugins.plugin(.redactor, id: request.redactor)
            var entities = try await engine.guarded("aura.Privacy/Redact", request.text) { () async throws(RPCError) in
                try await redactor.entities(in: request.text)
            }
            if !request.types.isEmpty { entities = entities.filter { request.types.contains($0.type) } }
            return RedactResponse(
                redactedText: try engine.redaction.apply(to: request.text, entities: entities, mode: request.mode, mask: mask),
                entities: entities.map(PiiEntity.init), redactor: redactor.info.id)
        }
    }

    static func maskCharacter(_ text: String) throws(RPCError) -> Character {
        guard !text.isEmpty else { return "*" }
        guard text.count == 1, let character = text.first else {
            throw RPCError(.invalidArgument, "mask_character must be one character, got \"\(PeerText.excerpt(text))\"")
        }
        return character
    }
}
