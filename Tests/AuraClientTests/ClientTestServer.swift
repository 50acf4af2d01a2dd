import AuraMessages
import AuraClient
import AuraConformance
import AuraEventLoop
import AuraServer
import AuraWire
import TestSupport

/// A server on 127.0.0.1 with an ephemeral port, the conformance service and a `GateService`,
/// and a client for it; `run` bounds the whole test and stops both whatever it does.
struct ClientTestServer {
    let server: Server
    let gate: GateService
    let client: AuraClient

    var address: String { "127.0.0.1:\(server.port)" }

    /// `limit` only guards against hangs: a loaded machine running the whole suite in parallel
    /// can starve a test of CPU for many seconds.
    static func run(
        _ limit: Duration = .seconds(60),
        configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (ClientTestServer) async throws -> Void
    ) async throws {
        try await withTimeout(limit, "client test") {
            var configuration = ServerConfiguration()
            configuration.address = "127.0.0.1:0"
            configuration.loopCount = 1
            configure(&configuration)
            let gate = GateService()
            let server = Server(configuration: configuration, services: [TestService(), gate])
            try await withRunningServer(server) { client in
                try await body(ClientTestServer(server: server, gate: gate, client: client))
            }
        }
    }
}

/// The conformance methods used here.
enum Method {
    static let empty = "aura.TestService/EmptyCall"
    static let sleep = "aura.TestService/Sleep"
}

/// The status code of the `RPCError` that `body` throws, or nil when it succeeds or throws
/// something else.
func rpcErrorCode(_ body: () async throws -> Void) async -> StatusCode? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return error.code
    } catch {
        return nil
    }
}
