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
    public var labeling = LabelingRule.standard

    static var keys: [(name: String, range: ClosedRange<Double>, keyPath: WritableKeyPath<LabelingRule, Double>)] { [
        ("neutral_threshold", 0...1, \.neutralThreshold),
        ("mixed_threshold", 0...1, \.mixedThreshold),
        ("mixed_weight", 0...10, \.mixedWeight),
    ] }

    public init() {}

    /// Parses `bytes` (UTF-8 JSON). Throws a message naming the problem.
    /// Parses a JSON string.
    public init(json: String) throws(ConfigurationError) {
        let bytes = Array(json.utf8)
        let parsed = bytes.withUnsafeBytes { raw in
            Result { () throws(ConfigurationError) in try AnalyzerConfiguration(json: raw) }
        }
        self = try parsed.get()
    }

    public init(json bytes: UnsafeRawBufferPointer) throws(ConfigurationError) {
        var parser = JSONParser(bytes)
        guard parser.skipWhitespaceToEnd() == false else { return }  // empty or blank: the defaults
        let value = try parser.parseDocument()
        guard case .object(let members) = value else { throw ConfigurationError("config must be a JSON object") }
        for (key, member) in members {
            guard let entry = AnalyzerConfiguration.keys.first(where: { $0.name == key }) else {
                throw ConfigurationError("unknown config key \"\(key)\"; known: "
                    + AnalyzerConfiguration.keys.map(\.name).joined(separator: ", "))
            }
            guard case .number(let number) = member, entry.range.contains(number) else {
                throw ConfigurationError("\(key) must be a number in \(entry.range.lowerBound)...\(entry.range.upperBound)")
            }
            labeling[keyPath: entry.keyPath] = number
        }
    }
}

/// Why a configuration was refused, in one sentence.
public struct ConfigurationError: Error, Equatable, Sendable {
    public var message: String
    init(_ message: String) { self.message = message }
}
