import AuraPluginKit

/// An analyzer's settings, read from a JSON object (the plugin's `create` config).
///
///     {}                                   the defaults
///     {"neutral_threshold": 0.15,          |compound| a text needs to be positive or negative
///      "mixed_threshold": 0.3,             strength both sides need for MIXED (0 ... 1)
///      "mixed_weight": 2.0}                weight of the mixed evidence against |compound|
///
/// An empty config is the defaults. Malformed JSON, a non-object, an unknown key or a value out
/// of range is an error, so a typo never passes silently.
public struct AnalyzerConfiguration: Sendable, Equatable {
    /// How scores become a label.
    public var labeling = LabelingRule.standard

    static var keys: [(name: String, range: ClosedRange<Double>, keyPath: WritableKeyPath<LabelingRule, Double>)] { [
        ("neutral_threshold", 0...1, \.neutralThreshold),
        ("mixed_threshold", 0...1, \.mixedThreshold),
        ("mixed_weight", 0...10, \.mixedWeight),
    ] }

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
        for (key, member) in try value.configMembers(known: Self.keys.map(\.name)) {
            let entry = Self.keys.first { $0.name == key }!
            guard case .number(let number) = member, entry.range.contains(number) else {
                throw ConfigError("\(key) must be a number in \(entry.range.lowerBound)...\(entry.range.upperBound)")
            }
            labeling[keyPath: entry.keyPath] = number
        }
    }
}
