import AuraPluginKit

/// An analyzer's settings, read from a JSON object (the plugin's `create` config).
///
///     {}                                   the defaults
///     {"neutral_threshold": 0.15,          |compound| a text needs to be positive or negative
///      "mixed_threshold": 0.3,             strength both sides need for MIXED (0 ... 1)
///      "mixed_weight": 2.0,                weight of the mixed evidence against |compound|
///      "english_prior": 0.1,               prior probability of English (0.01 ... 0.99)
///      "abstain_below": 0.6,               a short text's language confidence to keep its guess
///      "short_text_words": 3,              texts of at most this many words are short (0 ... 64)
///      "abstain_language": "und"}          what an abstaining text reports ("und", "en", ...)
///
/// An empty config is the defaults. Malformed JSON, a non-object, an unknown key or a value out
/// of range is an error, so a typo never passes silently. See `LanguagePolicy` for the last four.
public struct AnalyzerConfiguration: Sendable, Equatable {
    /// How scores become a label.
    public var labeling = LabelingRule.standard
    /// How language identification weighs English and when it abstains.
    public var language = LanguagePolicy()

    static var keys: [(name: String, range: ClosedRange<Double>, keyPath: WritableKeyPath<AnalyzerConfiguration, Double>)] { [
        ("neutral_threshold", 0...1, \.labeling.neutralThreshold),
        ("mixed_threshold", 0...1, \.labeling.mixedThreshold),
        ("mixed_weight", 0...10, \.labeling.mixedWeight),
        ("english_prior", 0.01...0.99, \.language.englishPrior),
        ("abstain_below", 0...1, \.language.abstainBelow),
    ] }
    static let shortTextWordsKey = "short_text_words", abstainLanguageKey = "abstain_language"

    /// The defaults.
    public init() {}

    /// Parses a JSON string. Throws a message naming the problem.
    public init(json: String) throws(ConfigError) {
        let bytes = Array(json.utf8)
        let parsed = bytes.withUnsafeBytes { raw in
            Result { () throws(ConfigError) in try AnalyzerConfiguration(json: raw) }
        }
        self = try parsed.get()
    }

    /// Parses `bytes` (UTF-8 JSON); empty or blank gives the defaults.
    public init(json bytes: UnsafeRawBufferPointer) throws(ConfigError) {
        guard let value = try ConfigJSON.parseConfig(bytes) else { return }
        let known = Self.keys.map(\.name) + [Self.shortTextWordsKey, Self.abstainLanguageKey]
        for (key, member) in try value.configMembers(known: known) {
            switch key {
            case Self.shortTextWordsKey:
                guard case .number(let number) = member, (0...64).contains(number), number.rounded() == number else {
                    throw ConfigError("\(key) must be a whole number in 0...64")
                }
                language.shortTextWords = Int(number)
            case Self.abstainLanguageKey:
                guard case .string(let code) = member, (2...3).contains(code.utf8.count),
                      code.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
                else {
                    throw ConfigError("\(key) must be a language code of 2 or 3 lower-case letters, such as \"und\" or \"en\"")
                }
                language.abstainLanguage = code
            default:
                let entry = Self.keys.first { $0.name == key }!
                guard case .number(let number) = member, entry.range.contains(number) else {
                    throw ConfigError("\(key) must be a number in \(entry.range.lowerBound)...\(entry.range.upperBound)")
                }
                self[keyPath: entry.keyPath] = number
            }
        }
    }
}
