import AuraServer
import AuraWire
import Testing

extension TestServer {
    /// Starts a server, connects a raw socket to it, runs `body`, closes the socket, and then
    /// checks that the server still serves both its existing client and a new one.
    static func withRawConnection(
        _ limit: Duration = .seconds(5),
        configure: @escaping @Sendable (inout ServerConfiguration) -> Void = { _ in },
        _ body: @escaping @Sendable (RawConnection, TestServer) async throws -> Void
    ) async throws {
        try await TestServer.bounded(limit, configure: configure) { harness in
            let raw = try RawConnection(port: harness.server.port)
            try await body(raw, harness)
            raw.close()
            try await harness.expectServing()
            try await harness.withClient { try await harness.expectServing($0) }
        }
    }
}

extension RawConnection {
    /// Expects the server's GOAWAY with `code` (and a reason containing `fragment`), then the
    /// connection closed.
    func expectGoAwayAndClose(
        _ code: StatusCode, reasonContains fragment: String = "", sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let goAway = try await goAway()
        #expect(goAway?.code == code, "GOAWAY: \(String(describing: goAway)); received: \(summary)", sourceLocation: sourceLocation)
        if let goAway, !fragment.isEmpty {
            #expect(goAway.reason.contains(fragment), "reason: \(goAway.reason)", sourceLocation: sourceLocation)
        }
        #expect(await waitForClose(), "the server should close after GOAWAY", sourceLocation: sourceLocation)
    }

    /// Whether a GOAWAY has been received.
    var receivedGoAway: Bool { received.contains { if case .goAway = $0 { true } else { false } } }
}
