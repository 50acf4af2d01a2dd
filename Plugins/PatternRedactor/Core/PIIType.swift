/// A kind of personal or secret data the detector finds. The raw value is the wire name that
/// plugins report in `aura_entity.type` (e.g. "EMAIL").
public enum PIIType: String, CaseIterable, Sendable, Hashable {
    /// An e-mail address: `local@domain.tld`, with an alphabetic top-level domain.
    case email = "EMAIL"
    /// A phone number: US forms (`(415) 555-0123`, `415-555-0123`, `+1 415 555 0123`), UK and
    /// French national forms (`020 7946 0684`, `01 06 57 83 88`) and international E.164 numbers
    /// written with a leading `+`.
    case phone = "PHONE"
    /// A US social security number `AAA-GG-SSSS` (area, group and serial validated), or nine bare
    /// digits next to a context word such as "SSN".
    case usSSN = "US_SSN"
    /// A payment card number: 13-19 digits, Luhn-checked, in a length its network issues.
    case creditDebitNumber = "CREDIT_DEBIT_NUMBER"
    /// An international bank account number, length checked per country and mod-97 checked.
    case iban = "IBAN"
    /// An IPv4 dotted quad or an IPv6 address (full, compressed, or with an embedded IPv4 tail).
    case ipAddress = "IP_ADDRESS"
    /// A URL with an http, https or ftp scheme, or a host starting with `www.`.
    case url = "URL"
    /// An AWS access key ID: `AKIA` or `ASIA` followed by 16 upper-case letters or digits.
    case awsAccessKey = "AWS_ACCESS_KEY"
    /// An AWS secret access key: 40 base64 characters right after a keyword such as
    /// `aws_secret_access_key =`. Only the value is reported.
    case awsSecretKey = "AWS_SECRET_KEY"
    /// A GitHub token: `ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_` + 36 characters, or `github_pat_...`.
    case githubToken = "GITHUB_TOKEN"
    /// A Google API key: `AIza` + 35 characters.
    case googleAPIKey = "GOOGLE_API_KEY"
    /// A Slack token: `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-` or `xoxe-` followed by its body.
    case slackToken = "SLACK_TOKEN"
    /// A Stripe secret or restricted key: `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_` + body.
    case stripeKey = "STRIPE_API_KEY"

    /// Every type; the detector's default.
    public static let all: Set<PIIType> = Set(allCases)
}

/// A set of types as a bit mask: the scanner asks "is this type on?" per candidate, which must
/// cost no hashing.
struct PIITypeMask: Sendable, Equatable {
    private var bits: UInt32 = 0

    init(_ types: some Sequence<PIIType>) {
        for type in types { bits |= Self.bit(type) }
    }

    func contains(_ type: PIIType) -> Bool { bits & Self.bit(type) != 0 }

    func containsAny(_ types: PIIType...) -> Bool { types.contains { contains($0) } }

    private static func bit(_ type: PIIType) -> UInt32 {
        switch type {
        case .email: 1 << 0
        case .phone: 1 << 1
        case .usSSN: 1 << 2
        case .creditDebitNumber: 1 << 3
        case .iban: 1 << 4
        case .ipAddress: 1 << 5
        case .url: 1 << 6
        case .awsAccessKey: 1 << 7
        case .awsSecretKey: 1 << 8
        case .githubToken: 1 << 9
        case .googleAPIKey: 1 << 10
        case .slackToken: 1 << 11
        case .stripeKey: 1 << 12
        }
    }
}
