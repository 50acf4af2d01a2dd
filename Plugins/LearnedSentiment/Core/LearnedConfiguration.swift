import AuraPluginKit

/// The learned analyzer's settings, read from a JSON object (the plugin's `create` config).
///
///     {}                                            the model shipped beside the server
///     {"model": "/path/learned-sentiment.model"}    another model file (tools/train.py)
///
/// Malformed JSON, a non-object, an unknown key or a model that is not a non-empty string is
/// an error.
public struct LearnedConfiguration: Sendable, Equatable {
    /// The model file, or nil for the default.
    public var modelPath: String?

    /// Parses `bytes` (UTF-8 JSON); empty or blank gives the defaults.
    public init(json bytes: UnsafeRawBufferPointer) throws(ConfigError) {
        guard let value = try ConfigJSON.parseConfig(bytes) else { return }
        for (_, member) in try value.configMembers(known: ["model"]) {
            guard case .string(let path) = member, !path.isEmpty else { throw ConfigError("model must be a non-empty string (a file path)") }
            modelPath = path
        }
    }
}
