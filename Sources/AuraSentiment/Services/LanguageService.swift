import AuraMessages
import AuraServer
import AuraWire

/// `aura.Language`: which language a text is in, as the active analyzer sees it.
public struct LanguageService: Service {
    public let name = "aura.Language"
    let engine: SentimentEngine

    /// Creates the service.
    public init(engine: SentimentEngine) { self.engine = engine }

    public func register(into registry: inout MethodRegistry) {
        let engine = engine
        registry.unary("aura.Language/Detect") { (request: DetectLanguageRequest, _) in
            try TextInput.validate(request.text)
            let analyzer = try engine.plugins.plugin(.analyzer)
            let analysis = try await engine.guarded("aura.Language/Detect", request.text) { () async throws(RPCError) in
                try await analyzer.analysis(of: request.text)
            }
            return DetectLanguageResponse(language: analysis.language, score: analysis.languageScore, analyzer: analyzer.info.id)
        }
    }
}
