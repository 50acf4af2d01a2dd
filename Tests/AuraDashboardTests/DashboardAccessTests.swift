import AuraDashboard
import AuraHTTP
import AuraCore
import Testing

@Suite struct DashboardAccessTests {
    /// Accepts "Bearer admin", refuses "Bearer reader" for its scope, and any other token as unknown.
    private let access = DashboardAccess { authorization in
        switch authorization {
        case "Bearer admin": nil
        case "Bearer reader": RPCError(.permissionDenied, "API key reader lacks the admin scope")
        case "Bearer busy": RPCError(.resourceExhausted, "over its limit")
        default: RPCError(.unauthenticated, "unknown API key")
        }
    }

    @Test func aLoopbackPeerNeedsNoKey() {
        #expect(access.refusal(of: HTTPRequest(path: "/dashboard", peerIsLoopback: true)) == nil)
        #expect(DashboardAccess.loopbackOnly.refusal(of: HTTPRequest(path: "/dashboard", peerIsLoopback: true)) == nil)
    }

    @Test func anotherPeerWithoutAKeyGets401SayingHowToSendOne() {
        let refusal = access.refusal(of: HTTPRequest(path: "/dashboard"))
        #expect(refusal?.status == 401)
        #expect(refusal?.headers.first?.name == "WWW-Authenticate")
        let body = String(decoding: refusal?.body ?? [], as: UTF8.self)
        #expect(body.contains("Authorization: Bearer <token>"))
    }

    @Test func theAdminKeyOpensItAsAHeaderOrInTheQuery() {
        #expect(access.refusal(of: HTTPRequest(path: "/dashboard", authorization: "Bearer admin")) == nil)
        #expect(access.refusal(of: HTTPRequest(path: "/dashboard/series.json", query: "points=5&key=admin")) == nil)
    }

    @Test func otherKeysAreRefusedWithTheCheckReason() {
        #expect(access.refusal(of: HTTPRequest(path: "/", authorization: "Bearer nobody"))?.status == 401)
        let forbidden = access.refusal(of: HTTPRequest(path: "/", query: "key=reader"))
        #expect(forbidden?.status == 403)
        #expect(String(decoding: forbidden?.body ?? [], as: UTF8.self) == "API key reader lacks the admin scope\n")
        #expect(access.refusal(of: HTTPRequest(path: "/", authorization: "Bearer busy"))?.status == 429)
    }

    @Test func withoutKeysOnlyLoopbackIsServed() {
        let refusal = DashboardAccess.loopbackOnly.refusal(of: HTTPRequest(path: "/", authorization: "Bearer admin"))
        #expect(refusal?.status == 403)
        let body = String(decoding: refusal?.body ?? [], as: UTF8.self)
        #expect(body.contains("--auth off"))
    }
}
