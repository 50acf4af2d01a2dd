import AuraCrypto
import AuraMessages
import AuraPluginHost

/// Replaces the entities a redactor found in a text, in one of three modes.
public struct Redaction: Sendable {
    /// The HMAC key of the hash mode: equal values map to equal tokens under one key.
    let hashKey: [UInt8]

    /// Creates a redaction with the server's hash key.
    public init(hashKey: [UInt8]) { self.hashKey = hashKey }

    /// `text` with each entity (offsets in Unicode scalars) replaced as `mode` says.
    public func apply(to text: String, entities: [DetectedEntity], mode: RedactionMode, mask: Character = "*") -> String {
        guard !entities.isEmpty else { return text }
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var position = 0
        for entity in entities.sorted(by: { $0.begin < $1.begin }) {
            let begin = min(max(entity.begin, position), scalars.count), end = min(max(entity.end, begin), scalars.count)
            output.append(contentsOf: scalars[position..<begin])
            let value = String(String.UnicodeScalarView(scalars[begin..<end]))
            output.append(contentsOf: replacement(for: value, type: entity.type, length: end - begin, mode: mode, mask: mask).unicodeScalars)
            position = end
        }
        output.append(contentsOf: scalars[position...])
        return String(output)
    }

    private func replacement(for value: String, type: String, length: Int, mode: RedactionMode, mask: Character) -> String {
        switch mode {
        case .replaceWithType, .unrecognized:  // the service refuses unknown modes; never leak the value
            return "[\(type)]"
        case .mask:
            return String(repeating: mask, count: length)
        case .hash:
            let digest = Array(value.utf8).withUnsafeBytes { Crypto.hmacSHA256(key: hashKey, $0) }
            return "[\(type):\(String(digest.description.prefix(16)))]"
        }
    }
}
