/// Why a JSON text or a value could not become a `DynamicMessage`.
public enum DynamicMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text is not JSON, or its top level is not an object.
    case malformedJSON(String)
    /// The input names a field the message does not have.
    case unknownField(String, message: String)
    /// A value does not suit its field; `path` names the field from the top message, e.g.
    /// `response_parameters[1].size`.
    case invalidValue(path: String, reason: String)
    /// Messages nested deeper than the decoder allows (100 levels).
    case tooDeep

    /// One sentence for a person.
    public var description: String {
        switch self {
        case .malformedJSON(let reason): return "malformed JSON: \(reason)"
        case .unknownField(let name, let message): return "unknown field \"\(name)\" in message \(message)"
        case .invalidValue(let path, let reason): return "invalid value for field \(path): \(reason)"
        case .tooDeep: return "messages are nested too deeply"
        }
    }
}
