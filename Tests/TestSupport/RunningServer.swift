import AuraClient
import AuraServer

/// Starts `server` (on an ephemeral port of 127.0.0.1, as configured), runs `body` with a client
/// connected to it, and stops both whatever `body` does.
public func withRunningServer<T>(_ server: Server, _ body: (AuraClient) async throws -> T) async throws -> T {
    try server.start()
    let client = AuraClient(address: "127.0.0.1:\(server.port)")
    do {
        let result = try await body(client)
        await stop(client, server)
        return result
    } catch {
        await stop(client, server)
        throw error
    }
}

private func stop(_ client: AuraClient, _ server: Server) async {
    await client.shutdown()
    await server.shutdown(gracePeriod: .seconds(1))
}
