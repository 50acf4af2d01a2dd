import PatternRedactorCore
import Testing

@Suite("Cloud keys") struct CloudKeyTests {
    static let github = "ghp_" + String(repeating: "aB3", count: 12)
    static let google = "AIza" + "SyD-abcdefghijklmnopqrstuvwx_123456"
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"

    @Test("prefixed keys", arguments: [
        (PIIType.awsAccessKey, "AKIAIOSFODNN7EXAMPLE"), (.awsAccessKey, "ASIAY34FZKBOKMUTVV7A"), (.githubToken, github),
        (.githubToken, "github_pat_11ABCDEFG0123456789abc_" + String(repeating: "x", count: 59)), (.googleAPIKey, google),
        (.slackToken, "xoxb-123456789012-1234567890123-abcdefghijklmnopqrstuvwx"), (.stripeKey, "sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
        (.stripeKey, "rk_test_abcdefghijklmnopqrstuvwx"),
    ])
    func prefixed(type: PIIType, key: String) {
        #expect(Self.google.unicodeScalars.count == 39)
        #expect(spans("key=\(key) end") == [Span(type, key)])
    }

    @Test("AWS secret keys next to their keyword", arguments: [
        "aws_secret_access_key = \(secret)", "AWS_SECRET_ACCESS_KEY=\"\(secret)\"", "\"SecretAccessKey\": \"\(secret)\"",
        "aws-secret-key: \(secret)", "export AWS_SECRET_ACCESS_KEY='\(secret)'", "secret_access_key => \(secret)",
    ])
    func awsSecret(line: String) {
        #expect(spans(line) == [Span(.awsSecretKey, Self.secret)])
    }

    @Test("is not found in look-alikes", arguments: [
        "AKIAIOSFODNN7EXAMPL", "AKIAIOSFODNN7EXAMPLE1", "xAKIAIOSFODNN7EXAMPLE", "akiaiosfodnn7example",
        "AKIAIOSFODNN7exAMPLE", "ghp_short", "ghp_" + String(repeating: "a", count: 37), "AIzaShort",
        "xoxb-short", "sk_live_short", "sk_prod_abcdefghijklmnopqrstuvwx",
        secret, "token = \(secret)", "aws_secret_access_key = \(secret)X", "aws_secret_access_key = \(secret.dropLast())",
        "aws_secret_access_key \(secret)", "my_aws_secret_access_key_id = \(secret)",
    ])
    func negative(text: String) {
        #expect(spans("see \(text) end") == [])
    }
}
