@testable import AuraAuth
import AuraCrypto
import Testing

@Suite("Tokens, ids and digests")
struct KeyTokenTests {
    @Test func aGeneratedTokenReadsBack() throws {
        let token = KeyToken.generate()
        #expect(token.text.count == KeyToken.length)
        #expect(token.text.hasPrefix("aura_\(token.id.text)_"))
        #expect(KeyToken(token.text) == token)
        #expect(KeyToken.generate() != token)
    }

    @Test(arguments: [
        "", "aura_", "Aura_0123456789abcdef_" + String(repeating: "a", count: 64),
        "aura_0123456789abcdeF_" + String(repeating: "a", count: 64),
        "aura_0123456789abcdef-" + String(repeating: "a", count: 64),
        "aura_0123456789abcdef_" + String(repeating: "a", count: 63),
        "aura_0123456789abcdef_" + String(repeating: "a", count: 65),
        "aura_0123456789abcdef_" + String(repeating: "g", count: 64),
        "aurx_0123456789abcdef_" + String(repeating: "a", count: 64),
        "aura-0123456789abcdef_" + String(repeating: "a", count: 64),
        "aura_0123456789abcdef_" + String(repeating: "a", count: 63) + "A",
        "aura_0123456789abcdef_" + String(repeating: "a", count: 31) + "/" + String(repeating: "a", count: 32),
    ])
    func malformedTokensAreRefused(_ text: String) {
        #expect(KeyToken(text) == nil)
    }

    @Test func aRememberedSecretMatchesOnlyItsOwnBytes() {
        let verified = VerifiedSecret()
        let secret = Array(String(repeating: "0123456789abcdef", count: 4).utf8) + Array("xyz".utf8)  // words and a tail
        #expect(!secret.withUnsafeBytes(verified.matches), "nothing is remembered yet")
        secret.withUnsafeBytes(verified.remember)
        #expect(secret.withUnsafeBytes(verified.matches))
        for index in secret.indices {
            var other = secret
            other[index] ^= 1
            #expect(!other.withUnsafeBytes(verified.matches), "a difference at \(index) is seen")
        }
        #expect(!Array(secret.dropLast()).withUnsafeBytes(verified.matches))
    }

    @Test func idsAreSixteenHexDigits() {
        #expect(KeyID("00000000000000ff")?.value == 255)
        #expect(KeyID(255).text == "00000000000000ff")
        #expect(KeyID("ff") == nil)
        #expect(KeyID("00000000000000FF") == nil)
    }

    @Test func digestsCompareInConstantTimeAndExactly() {
        let a = Crypto.sha256(Array("a".utf8)), b = Crypto.sha256(Array("b".utf8))
        #expect(a.constantTimeEquals(a))
        #expect(!a.constantTimeEquals(b))
        // A difference in any one byte is seen.
        for index in 0..<32 {
            var bytes = a.bytes
            bytes[index] ^= 1
            #expect(!a.constantTimeEquals(SHA256Digest(bytes: bytes)!))
        }
    }

    @Test func thePerThreadDigestIsSHA256OfBothParts() {
        let salt = Array("salt".utf8), secret = Array("secret".utf8)
        let digest = salt.withUnsafeBytes { salt in secret.withUnsafeBytes { Crypto.sha256(salt, $0) } }
        #expect(digest == Crypto.sha256(salt + secret))
    }

    @Test func thePolicyMapsServicesToScopes() {
        let policy = AccessPolicy.aura
        #expect(policy.requirement(for: "aura.Health/Check") == .open)
        #expect(policy.requirement(for: "aura.Sentiment/Analyze") == .scope(.analyze))
        #expect(policy.requirement(for: "aura.Language/Detect") == .scope(.analyze))
        #expect(policy.requirement(for: "aura.Jobs/Submit") == .scope(.jobs))
        #expect(policy.requirement(for: "aura.DeadLetters/List") == .scope(.jobs))
        #expect(policy.requirement(for: "aura.Plugins/Load") == .scope(.admin))
        #expect(policy.requirement(for: "aura.Keys/Create") == .scope(.admin))
        #expect(policy.requirement(for: "aura.TestService/UnaryCall") == .anyKey)
        #expect(policy.requirement(for: "aura.HealthX/Check") == .scope(.admin), "a prefix is not the service")
        #expect(policy.requirement(for: "aura.Unknown/Call") == .scope(.admin))
        #expect(policy.requirement(for: "garbage") == .scope(.admin))
    }
}
