import AuraClient
import AuraHealth
import AuraMessages
import AuraPluginHost
import AuraSentiment
import AuraServer
import TestSupport

/// A server on 127.0.0.1 with an ephemeral port serving the sync path with fixture plugins, and
/// a client; `run` stops both whatever the test does.
struct SentimentServer {
    let server: Server
    let engine: SentimentEngine
    let fixtures: PluginFixtures
    let client: AuraClient

    static func run<T>(_ body: (SentimentServer) async throws -> T) async throws -> T {
        let fixtures = try PluginFixtures()
        let registry = PluginRegistry(loader: PluginLoader(runDirectory: fixtures.directory + "/run"))
        try registry.load(path: fixtures.analyzer(version: "1.0.0", label: 0))
        try registry.load(path: fixtures.redactor())
        let engine = SentimentEngine(
            plugins: registry, cache: ResultCache(maxBytes: 1 << 20), deadLetters: DeadLetterQueue(),
            redaction: Redaction(hashKey: Array(repeating: 3, count: 32)))
        var configuration = ServerConfiguration()
        configuration.address = "127.0.0.1:0"
        configuration.loopCount = 2
        let server = Server(configuration: configuration, services: [
            SentimentService(engine: engine), PrivacyService(engine: engine), LanguageService(engine: engine),
            PluginAdminService(registry: registry), DeadLetterService(queue: engine.deadLetters), HealthService(serving: []),
        ])
        defer { fixtures.remove() }
        return try await withRunningServer(server) { client in
            try await body(SentimentServer(server: server, engine: engine, fixtures: fixtures, client: client))
        }
    }
}
