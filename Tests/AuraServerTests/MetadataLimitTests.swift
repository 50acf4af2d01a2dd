import AuraClient
import AuraConformance
import AuraMessages
import AuraWire
import Testing

extension Integration {
    /// MAX_METADATA_SIZE and the metadata rules, enforced by both AuraClient and the server
    /// (SPEC.md section 4.2); a call that breaks them ends alone, the connection goes on.
    @Suite struct MetadataLimitTests {
        static func metadata(valueBytes: Int) -> Metadata {
            var metadata = Metadata()
            metadata.add(TestService.echoInitialKey, String(repeating: "v", count: valueBytes))
            return metadata
        }

        @Test func theClientRefusesMetadataOverTheServersLimit() async throws {
            try await TestServer.bounded(configure: { $0.settings.maxMetadataSize = 200 }) { harness in
                try await harness.expectServing()  // the server's SETTINGS have arrived
                await expectRPCError(.resourceExhausted) {
                    _ = try await harness.client.unary(
                        Method.empty, Empty(), as: Empty.self, options: CallOptions(metadata: Self.metadata(valueBytes: 300)))
                }
                try await harness.expectServing()
            }
        }

        @Test func theServerRefusesMetadataOverItsLimitFromAPeerThatIgnoresIt() async throws {
            try await TestServer.withRawConnection(configure: { $0.settings.maxMetadataSize = 200 }) { raw, _ in
                try await raw.handshake(acknowledge: true)
                try await raw.call(1, Method.empty, messages: [Empty().encoded()], headers: CallHeaders(metadata: Self.metadata(valueBytes: 300)))
                #expect(try await raw.streamEnd(1)?.code == .resourceExhausted)
                try await raw.call(3, Method.empty, messages: [Empty().encoded()])
                #expect(try await raw.streamEnd(3)?.code == .ok)
            }
        }

        /// The server's initial metadata (here an echo of the request's) must respect the
        /// client's limit: the call ends with INTERNAL instead of sending it.
        @Test func theServerRespectsTheClientsLimit() async throws {
            try await TestServer.bounded { harness in
                var configuration = ClientConfiguration()
                configuration.settings.maxMetadataSize = 100
                try await harness.withClient(configuration: configuration) { client in
                    try await harness.expectServing(client)
                    let metadata = Self.metadata(valueBytes: 90)  // 19 + 90 + 32 bytes: within the server's limit only
                    await expectRPCError(.internal) {
                        _ = try await client.unary(Method.empty, Empty(), as: Empty.self, options: CallOptions(metadata: metadata))
                    }
                    try await harness.expectServing(client)
                }
            }
        }
    }
}
