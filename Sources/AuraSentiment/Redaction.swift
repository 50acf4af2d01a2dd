import AuraCore
import AuraCrypto
import AuraMessages
import AuraPluginHost

/// Replaces the entities a redactor found in a text, in one of three modes.
public struct Redaction: Sendable {
    /// The HMAC key of the hash mode: equal values map to equal tokens under one key.
    let hashKey: [UInt8]

    /// Creates a redaction with the server's hash key.
    public init(hashKey: [UInt8]) { self.hashKey = hashKey }

    /// `text` with each entity (offsets in Unicode scalars) replaced as `mode` says, in one pass
    /// over the text: time linear in its size and the number of entities.
    ///
    /// Fails closed: entities must be non-empty, ordered, non-overlapping and inside the text
    /// (as the host checks a redactor's result); anything else throws INTERNAL rather than
    /// return text an entity claimed to cover.
    public func apply(to text: String, entities: [DetectedEntity], mode: RedactionMode, mask: Character = "*") throws(RPCError) -> String {
        guard !entities.isEmpty else { return text }
        let scalars = text.unicodeScalars
        var output = String.UnicodeScalarView()
        var index = scalars.startIndex, position = 0
        for entity in entities {
            guard entity.begin >= position, entity.begin < entity.end,
                  let begin = scalars.index(index, offsetBy: entity.begin - position, limitedBy: scalars.endIndex),
                  let end = scalars.index(begin, offsetBy: entity.end - entity.begin, limitedBy: scalars.endIndex)
            else {
                throw RPCError(.internal, "cannot redact \(entity.type) at \(entity.begin)..<\(entity.end): entities must be non-empty, ordered, non-overlapping and inside the text")
            }
            output.append(contentsOf: scalars[index..<begin])
            output.append(contentsOf: replacement(for: scalars[begin..<end], type: entity.type, length: entity.end - entity.begin, mode: mode, mask: mask).unicodeScalars)
            index = end
            position = entity.end
        }
        output.append(contentsOf: scalars[index...])
        return String(output)
    }

    private func replacement(for value: Substring.UnicodeScalarView, type: String, length: Int, mode: RedactionMode, mask: Character) -> String {
        switch mode {
        case .replaceWithType, .unrecognized:  // the service refuses unknown modes; never leak the value
            return "[\(type)]"
        case .mask:
            return String(repeating: mask, count: length)
        case .hash:
            var value = String(value)
            let digest = value.withUTF8 { Crypto.hmacSHA256(key: hashKey, UnsafeRawBufferPointer($0)) }
            return "[\(type):\(String(digest.description.prefix(16)))]"
        }
    }
}
